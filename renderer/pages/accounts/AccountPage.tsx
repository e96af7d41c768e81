import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { AccountDetails } from './AccountDetails';
import { BalancesCard } from './BalancesCard';
import { CreateSubscriptionModal } from './CreateSubscriptionModal';
import { LedgerCard } from './LedgerCard';
import { RecordPaymentModal } from './RecordPaymentModal';
import { SubscriptionsCard } from './SubscriptionsCard';
import { CloseAccountModal } from './CloseAccountModal';
import { RefundsCard } from './RefundsCard';
import { CompensationsCard } from './CompensationsCard';
import { RecordHistory } from '../../components/RecordHistory';
import { RecordPageStatus } from '../../components/RecordPageStatus';
import { EdoCards } from './EdoCard';
import { TicketsCard } from './TicketsCard';
import { DocumentsCard } from './DocumentsCard';
import { CancelSubscriptionModal } from '../subscriptions/CancelSubscriptionModal';
import { ChangeTariffModal } from '../subscriptions/ChangeTariffModal';
import type { SubscriptionTarget } from '../subscriptions/subscriptionTarget';
import type { SubscriptionView } from '../../../core';

const LEDGER_LIMIT = 200;

type OpenModal = 'payment' | 'subscription' | 'close' | null;

/**
 * Renders its children one render later, at low priority (React's deferred
 * lane): the part of the page above it (name, details, balances) is
 * committed and painted first, and the tables below follow without holding
 * it back (docs/performance.md).
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : null;
}

export function AccountPage() {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const { accountId = '' } = useParams();
  // null: not found; undefined: still loading. Both reads are live: any write re-renders the page.
  const view = useLiveQuery(async () => (await store.getAccountView(accountId)) ?? null, [store, accountId]);
  const ledger = useLiveQuery(() => store.listLedger(accountId, { limit: LEDGER_LIMIT }), [store, accountId]);
  const [modal, setModal] = useState<OpenModal>(null);
  const [subscriptionError, setSubscriptionError] = useState<unknown>(null);
  const [changeTarget, setChangeTarget] = useState<SubscriptionTarget | null>(null);
  const [cancelTarget, setCancelTarget] = useState<SubscriptionTarget | null>(null);
  const canClose = useCan('manager');

  if (view === undefined || view === null) {
    return <RecordPageStatus loading={view === undefined} notFound={t('page.notFound')} backTo="/accounts" backLabel={t('page.backToList')} />;
  }

  const { account, balances, subscriptions } = view;
  const open = account.status !== 'closed';
  const targetOf = (subscription: SubscriptionView): SubscriptionTarget => ({
    subscription,
    accountName: account.name,
    serviceName: subscription.service.name,
    tariffName: subscription.tariff.name,
  });
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
          {canClose && (
            <Button variant="default" color="red" onClick={() => setModal('close')} disabled={!open}>
              {t('close.open')}
            </Button>
          )}
        </Group>
      </Group>
      <AccountDetails account={account} />
      <BalancesCard balances={balances} />
      <AfterFirstPaint>
        <SubscriptionsCard
          subscriptions={subscriptions}
          canCreate={open}
          onCreate={() => setModal('subscription')}
          error={subscriptionError}
          onError={setSubscriptionError}
          onChangeTariff={(subscription) => setChangeTarget(targetOf(subscription))}
          onCancel={(subscription) => setCancelTarget(targetOf(subscription))}
        />
        <RefundsCard accountId={account.id} subscriptions={subscriptions} />
        <EdoCards subscriptions={subscriptions} onChangeTariff={(subscription) => setChangeTarget(targetOf(subscription))} />
        <DocumentsCard accountId={account.id} />
        <TicketsCard account={account} />
        <CompensationsCard accountId={account.id} />
        <LedgerCard entries={ledger ?? []} subscriptions={subscriptions} limit={LEDGER_LIMIT} />
        <RecordHistory entityId={account.id} />
        <RecordPaymentModal accountId={account.id} opened={modal === 'payment'} onClose={() => setModal(null)} />
        <CreateSubscriptionModal accountId={account.id} opened={modal === 'subscription'} onClose={() => setModal(null)} />
        <CloseAccountModal account={account} opened={modal === 'close'} onClose={() => setModal(null)} />
        <ChangeTariffModal target={changeTarget} onClose={() => setChangeTarget(null)} />
        <CancelSubscriptionModal target={cancelTarget} onClose={() => setCancelTarget(null)} />
      </AfterFirstPaint>
    </Stack>
  );
}
