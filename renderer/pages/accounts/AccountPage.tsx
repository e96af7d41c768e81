import { Anchor, Breadcrumbs, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStore } from '../../app/services';
import { AccountDetails } from './AccountDetails';
import { BalancesCard } from './BalancesCard';
import { CreateSubscriptionModal } from './CreateSubscriptionModal';
import { LedgerCard } from './LedgerCard';
import { RecordPaymentModal } from './RecordPaymentModal';
import { SubscriptionsCard } from './SubscriptionsCard';

const LEDGER_LIMIT = 200;

type OpenModal = 'payment' | 'subscription' | null;

export function AccountPage() {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const { accountId = '' } = useParams();
  // null: not found; undefined: still loading. Both reads are live: any write re-renders the page.
  const view = useLiveQuery(async () => (await store.getAccountView(accountId)) ?? null, [store, accountId]);
  const ledger = useLiveQuery(() => store.listLedger(accountId, { limit: LEDGER_LIMIT }), [store, accountId]);
  const [modal, setModal] = useState<OpenModal>(null);
  const [subscriptionError, setSubscriptionError] = useState<unknown>(null);

  if (view === undefined) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (view === null) {
    return (
      <Stack>
        <Text>{t('page.notFound')}</Text>
        <Anchor component={Link} to="/accounts">
          {t('page.backToList')}
        </Anchor>
      </Stack>
    );
  }

  const { account, balances, subscriptions } = view;
  const open = account.status !== 'closed';
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/accounts" size="sm">
          {t('list.title')}
        </Anchor>
        <Text size="sm">{account.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{account.name}</Title>
        <Group gap="xs">
          <Button onClick={() => setModal('payment')} disabled={!open}>
            {t('page.recordPayment')}
          </Button>
          <Button variant="default" component={Link} to={`/accounts/${account.id}/edit`}>
            {t('page.edit')}
          </Button>
        </Group>
      </Group>
      <AccountDetails account={account} />
      <BalancesCard balances={balances} />
      <SubscriptionsCard
        subscriptions={subscriptions}
        canCreate={open}
        onCreate={() => setModal('subscription')}
        error={subscriptionError}
        onError={setSubscriptionError}
      />
      <LedgerCard entries={ledger ?? []} subscriptions={subscriptions} limit={LEDGER_LIMIT} />
      <RecordPaymentModal accountId={account.id} opened={modal === 'payment'} onClose={() => setModal(null)} />
      <CreateSubscriptionModal accountId={account.id} opened={modal === 'subscription'} onClose={() => setModal(null)} />
    </Stack>
  );
}
