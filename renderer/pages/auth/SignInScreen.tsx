import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';
import { SignInForm } from './SignInForm';

/** Staff exist and nobody is signed in (a start, a reload, a sign-out). */
export function SignInScreen() {
  const { t } = useTranslation('auth');
  return (
    <AuthFrame title={t('signIn.title')}>
      <Text>{t('signIn.text')}</Text>
      <SignInForm submitLabel={t('signIn.submit')} />
    </AuthFrame>
  );
}
