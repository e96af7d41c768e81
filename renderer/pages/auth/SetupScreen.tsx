import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isCommandError } from '../../../core';
import { useStore } from '../../app/services';
import { signedInUserOf, useSessionHolder } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { LoginNameFields, NewPasswordFields, newStaffSchema, validateWithPassword } from '../staff/staffForms';
import { AuthFrame } from './AuthFrame';

type SetupValues = { login: string; name: string; password: string; passwordAgain: string };

const FIELDS: readonly string[] = ['login', 'name', 'password'];

/**
 * The first start (no staff user yet): creates the first admin
 * (createFirstAdmin) and signs that person in (store.signIn) with the
 * password just chosen.
 * `onSetupDone` is told when the core says someone else already did it.
 */
export function SetupScreen({ onSetupDone }: { onSetupDone: () => void }) {
  const { t } = useTranslation('auth');
  const language = useUiLanguage();
  const store = useStore();
  const session = useSessionHolder();
  const form = useForm<SetupValues>({
    initialValues: { login: '', name: '', password: '', passwordAgain: '' },
    validate: validateWithPassword<SetupValues>(newStaffSchema),
  });
  const mutation = useCommandMutation(
    async (values: SetupValues, opId) => {
      const admin = await store.createFirstAdmin({ login: values.login, name: values.name, password: values.password, opId });
      // Then signed in like anyone (the sign-in is recorded, lastSignInAt set): one more derivation, once per installation.
      return store.signIn({ login: admin.login, password: values.password });
    },
    {
      onSuccess: (member) => session.signIn(signedInUserOf(member)),
      onError: (error) => {
        if (!isCommandError(error)) return;
        if (error.code === 'errors:staff.setupDone') onSetupDone();
        else if (error.field && FIELDS.includes(error.field)) form.setFieldError(error.field, commandErrorText(t, error, language));
      },
    },
  );
  return (
    <AuthFrame title={t('setup.title')}>
      <Text>{t('setup.text')}</Text>
      <form noValidate onSubmit={form.onSubmit(mutation.submit)} aria-label={t('setup.title')}>
        <Stack>
          <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
          <LoginNameFields form={form} own />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
