import { Button, Grid, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText, validationText } from '../../i18n/commandErrors';
import { formResolver } from '../../i18n/formResolver';
import {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  accountInputSchema,
  isCommandError,
  type Account,
  type AccountInput,
  type AccountKind,
  type AccountStatus,
} from '../../../core';

// A type alias, not an interface: the zod resolver takes Record<string, unknown>.
export type AccountFormValues = {
  kind: AccountKind;
  name: string;
  iinBin: string;
  responsiblePerson: string;
  email: string;
  phone: string;
  language: 'kk' | 'ru';
  status: AccountStatus;
};

const FORM_FIELDS = ['kind', 'name', 'iinBin', 'responsiblePerson', 'email', 'phone', 'language', 'status'] as const;

export function accountFormValues(account?: Account, language: 'kk' | 'ru' = 'ru'): AccountFormValues {
  return {
    kind: account?.kind ?? 'legal_entity',
    name: account?.name ?? '',
    iinBin: account?.iinBin ?? '',
    responsiblePerson: account?.responsiblePerson ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? '',
    language: account?.language ?? language,
    status: account?.status ?? 'active',
  };
}

/** Blank optional fields mean "none"; the store's schema trims and normalizes the rest. */
function toAccountInput(values: AccountFormValues): AccountInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value);
  return {
    kind: values.kind,
    name: values.name,
    iinBin: values.iinBin,
    responsiblePerson: optional(values.responsiblePerson),
    email: optional(values.email),
    phone: optional(values.phone),
    language: values.language,
    status: values.status,
  };
}

interface AccountFormProps {
  initialValues: AccountFormValues;
  submitLabel: string;
  /** Runs the store command; opId is fresh per submit attempt and reused by a double click. */
  submit: (input: AccountInput, opId: string) => Promise<Account>;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}

export function AccountForm({ initialValues, submitLabel, submit, onSaved, onCancel }: AccountFormProps) {
  const { t } = useTranslation('accounts');
  const language = useUiLanguage();
  const form = useForm<AccountFormValues>({
    initialValues,
    validate: formResolver(accountInputSchema),
    validateInputOnBlur: true,
  });
  const mutation = useCommandMutation((values: AccountFormValues, opId) => submit(toAccountInput(values), opId), {
    onSuccess: onSaved,
    onError: (error) => {
      // A refusal about one field (duplicate IIN/BIN …) is shown at that field as well.
      const field = isCommandError(error) ? error.field : undefined;
      if (field && (FORM_FIELDS as readonly string[]).includes(field)) form.setFieldError(field, commandErrorText(t, error, language));
    },
  });

  const field = (name: (typeof FORM_FIELDS)[number]) => {
    const props = form.getInputProps(name);
    return { ...props, error: validationText(t, props.error) };
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(mutation.submit)}
    >
      <Stack maw={760}>
        <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('fields.kind')}
              data={ACCOUNT_KINDS.map((kind) => ({ value: kind, label: t(`domain:accountKind.${kind}`) }))}
              {...field('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('fields.iinBin')} description={t('form.iinBinHint')} inputMode="numeric" maxLength={14} withAsterisk {...field('iinBin')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('fields.name')} withAsterisk {...field('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('fields.responsiblePerson')} {...field('responsiblePerson')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('fields.phone')} type="tel" placeholder="+7 701 123 45 67" {...field('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('fields.email')} type="email" {...field('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect
              label={t('fields.language')}
              data={[
                { value: 'kk', label: t('common:language.kk') },
                { value: 'ru', label: t('common:language.ru') },
              ]}
              {...field('language')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect
              label={t('fields.status')}
              data={ACCOUNT_STATUSES.map((status) => ({ value: status, label: t(`domain:accountStatus.${status}`) }))}
              {...field('status')}
            />
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
