import { PasswordInput } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's password input with its show/hide toggle named in the UI language (its own label is English). */
export function PasswordField(props: ComponentPropsWithRef<typeof PasswordInput>) {
  const { t } = useTranslation('auth');
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('password.show') }} />;
}
