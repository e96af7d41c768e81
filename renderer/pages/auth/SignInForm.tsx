import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { LOGIN_INPUT } from '../staff/staffForms';
import type { StaffMember } from '../../../shared/domain';
import { useStore } from '../../app/services';
import { signedInUserOf, useSessionHolder } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';

type SignInValues = { login: string; password: string };

interface SignInFormProps {
  /** The lock screen's: only this person's password is asked for. */
  fixedLogin?: string;
  submitLabel: string;
}

/**
 * Login and password → store.signIn (not a command: no operation id). A
 * refusal is shown as the core words it, the lock with the minutes left
 * (errors:staff.locked { minutes }); the password field is emptied for the
 * next try. Success puts the person in the session.
 */
export function SignInForm({ fixedLogin, submitLabel }: SignInFormProps) {
  const { t } = useTranslation('auth');
  const language = useUiLanguage();
  const store = useStore();
  const session = useSessionHolder();
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useForm<SignInValues>({
    initialValues: { login: fixedLogin ?? '', password: '' },
    validate: {
      login: (value) => (value.trim() === '' ? t('signIn.loginRequired') : null),
      password: (value) => (value === '' ? t('password.required') : null),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: SignInValues): Promise<StaffMember> => store.signIn({ login: fixedLogin ?? values.login, password: values.password }),
    onSuccess: (member) => session.signIn(signedInUserOf(member)),
    onError: () => {
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    },
  });
  const submit = (values: SignInValues) => {
    if (!mutation.isPending) mutation.mutate(values);
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={submitLabel}>
      <Stack>
        <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
        {fixedLogin === undefined && (
          <TextInput
            label={t('fields.login')}
            autoComplete="username"
            {...LOGIN_INPUT}
            withAsterisk
            data-autofocus
            autoFocus
            {...form.getInputProps('login')}
          />
        )}
        <PasswordField
          ref={passwordRef}
          label={t('fields.password')}
          autoComplete="current-password"
          withAsterisk
          autoFocus={fixedLogin !== undefined}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
