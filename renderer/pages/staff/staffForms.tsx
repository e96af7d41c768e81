import { Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../auth/PasswordField';
import { z } from 'zod';
import { codePointLength, newPasswordInputSchema, PASSWORD_LIMITS, staffLoginInputSchema, staffNameInputSchema } from '../../../shared/domain';
import { validationText } from '../../i18n/commandErrors';
import { formResolver } from '../../i18n/formResolver';

/** A new password and the same typed again: the two fields every form that sets a password has. */
export type NewPasswordValues = { password: string; passwordAgain: string };

/** The core's own rules for a new staff user (login, name, password), checked before submitting. */
export const newStaffSchema = z.object({ login: staffLoginInputSchema, name: staffNameInputSchema, password: newPasswordInputSchema });

const passwordSchema = z.object({ password: newPasswordInputSchema });

/** The password rule (core's), and the second copy must match the first; messages are i18n keys (validationText). */
export function newPasswordErrors(values: NewPasswordValues): Record<string, string> {
  const errors = formResolver(passwordSchema)(values);
  if (values.passwordAgain !== values.password) errors.passwordAgain = 'auth:password.mismatch';
  return errors;
}

/** A form's validation from a zod schema plus the password pair. */
export function validateWithPassword<V extends NewPasswordValues>(schema: z.ZodType | null): (values: V) => Record<string, string> {
  const resolve = schema ? formResolver(schema) : () => ({});
  return (values) => ({ ...resolve(values), ...newPasswordErrors(values) });
}

/** Mantine input props of `field` with its error translated (validation messages are i18n keys). */
export function fieldProps<V>(form: UseFormReturnType<V>, field: keyof V & string, t: (key: string) => string) {
  const props = form.getInputProps(field);
  return { ...props, error: validationText(t as never, props.error) };
}

/** What a login field is (a technical name: no autocapitalisation, no spell check); `username` for sign-in and setup. */
export const LOGIN_INPUT = { autoCapitalize: 'none', spellCheck: false } as const;

/**
 * A new staff user's login (with its rule) and name. `own`: the person at
 * the desk is creating their own account (the setup screen), so the browser
 * may offer to remember it; otherwise (an admin adding someone) it must not.
 */
export function LoginNameFields<V extends { login: string; name: string }>({ form, own = false }: { form: UseFormReturnType<V>; own?: boolean }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <TextInput
        label={t('fields.login')}
        description={t('fields.loginHint')}
        autoComplete={own ? 'username' : 'off'}
        {...LOGIN_INPUT}
        withAsterisk
        data-autofocus
        autoFocus={own}
        {...fieldProps(form, 'login', t)}
      />
      <TextInput label={t('fields.name')} autoComplete={own ? 'name' : 'off'} withAsterisk {...fieldProps(form, 'name', t)} />
    </>
  );
}

interface NewPasswordFieldsProps<V extends NewPasswordValues> {
  form: UseFormReturnType<V>;
  /** Labels of the two fields; "Password" and "Password again" unless told. */
  labels?: { password: string; again: string };
}

/**
 * A new password twice, with the length rule shown as it is typed (in code
 * points, as the core counts: four emoji are four characters).
 */
export function NewPasswordFields<V extends NewPasswordValues>({ form, labels }: NewPasswordFieldsProps<V>) {
  const { t } = useTranslation('auth');
  const typed = codePointLength(form.getValues().password);
  const longEnough = typed >= PASSWORD_LIMITS.min;
  const password = form.getInputProps('password');
  const again = form.getInputProps('passwordAgain');
  return (
    <>
      <PasswordField
        label={labels?.password ?? t('fields.password')}
        withAsterisk
        autoComplete="new-password"
        description={
          <Text component="span" size="xs" c={longEnough ? 'teal.8' : 'dimmed'} aria-live="polite">
            {t('password.length', { min: PASSWORD_LIMITS.min, typed })}
          </Text>
        }
        {...password}
        error={validationText(t, password.error)}
      />
      <PasswordField label={labels?.again ?? t('fields.passwordAgain')} withAsterisk autoComplete="new-password" {...again} error={validationText(t, again.error)} />
    </>
  );
}
