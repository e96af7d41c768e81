import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useStore } from '../../app/services';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { AccountForm, accountFormValues } from './AccountForm';

export function AccountNewPage() {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const navigate = useNavigate();
  const language = useUiLanguage();
  // The preferred language starts as the UI language at the moment the form opens.
  const [initialValues] = useState(() => accountFormValues(undefined, language));
  return (
    <Stack>
      <Title order={2}>{t('form.newTitle')}</Title>
      <AccountForm
        initialValues={initialValues}
        submitLabel={t('form.create')}
        submit={(input, opId) => store.createAccount({ ...input, opId })}
        onSaved={(account) => void navigate(`/accounts/${account.id}`, { replace: true })}
        onCancel={() => void navigate('/accounts')}
      />
    </Stack>
  );
}

export function AccountEditPage() {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const navigate = useNavigate();
  const { accountId = '' } = useParams();
  // null: looked up and not found; undefined: still loading.
  const account = useLiveQuery(async () => (await store.getAccountView(accountId))?.account ?? null, [store, accountId]);

  if (account === undefined) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (account === null) return <Text>{t('page.notFound')}</Text>;
  return (
    <Stack>
      <Title order={2}>{t('form.editTitle', { name: account.name })}</Title>
      {/* useForm reads initialValues once: later live updates do not overwrite what is being typed. */}
      <AccountForm
        key={account.id}
        initialValues={accountFormValues(account)}
        submitLabel={t('form.save')}
        submit={(patch, opId) => store.updateAccount({ id: account.id, patch, opId })}
        onSaved={() => void navigate(`/accounts/${account.id}`)}
        onCancel={() => void navigate(`/accounts/${account.id}`)}
      />
    </Stack>
  );
}
