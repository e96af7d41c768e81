import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { deletionDate } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { CardTable } from '../../components/CardTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatMoney } from '../../i18n/format';
import { tariffPriceOn, type SubscriptionView } from '../../../core';
import { periodText } from '../subscriptions/subscriptionTarget';

function ActivateButton({ subscription, onError }: { subscription: SubscriptionView; onError: (error: unknown) => void }) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const mutation = useCommandMutation((_: void, opId) => store.activateSubscription({ subscriptionId: subscription.id, opId }), {
    onMutate: () => onError(null),
    onError,
  });
  return (
    <Button
      size="compact-sm"
      loading={mutation.isPending}
      disabled={mutation.isPending}
      onClick={() => mutation.submit()}
      aria-label={t('activateNamed', { service: subscription.service.name[language], tariff: subscription.tariff.name[language] })}
    >
      {t('activate')}
    </Button>
  );
}

/** Resumes a suspended (or expired) subscription inside its grace days: the next period is charged from the balance. */
function RenewButton({ subscription, onError }: { subscription: SubscriptionView; onError: (error: unknown) => void }) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const mutation = useCommandMutation((_: void, opId) => store.renewSubscription({ subscriptionId: subscription.id, opId }), {
    onMutate: () => onError(null),
    onError,
  });
  return (
    <Button
      size="compact-sm"
      loading={mutation.isPending}
      disabled={mutation.isPending}
      onClick={() => mutation.submit()}
      aria-label={t('row.renewNamed', { service: subscription.service.name[language], tariff: subscription.tariff.name[language] })}
    >
      {t('row.renew')}
    </Button>
  );
}

/** Suspended or expired, and its data not yet deleted: `periodEnd + graceDays` is still ahead (no grace days: always). */
function renewable(subscription: SubscriptionView, today: string): boolean {
  if (subscription.status !== 'suspended' && subscription.status !== 'expired') return false;
  if (subscription.currentPeriod === null) return false;
  const grace = subscription.service.policy.graceDays;
  return grace === null || today < deletionDate(subscription.currentPeriod.end, grace);
}

interface SubscriptionsCardProps {
  subscriptions: SubscriptionView[];
  onCreate: () => void;
  canCreate: boolean;
  error: unknown;
  onError: (error: unknown) => void;
  onChangeTariff: (subscription: SubscriptionView) => void;
  onCancel: (subscription: SubscriptionView) => void;
}

export function SubscriptionsCard({ subscriptions, onCreate, canCreate, error, onError, onChangeTariff, onCancel }: SubscriptionsCardProps) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  // Renewing, changing the tariff and cancelling are a manager's (§6); an operator creates and activates.
  const canManage = useCan('manager');
  // Names of scheduled tariffs (the view carries only the current one).
  const tariffs = useLiveQuery(() => store.listTariffs(), [store]);
  const tariffName = (id: string) => tariffs?.find((tariff) => tariff.id === id)?.name[language] ?? '';
  return (
    <SectionCard
      title={t('title')}
      actions={
        <Button variant="light" size="sm" onClick={onCreate} disabled={!canCreate}>
          {t('create.open')}
        </Button>
      }
    >
      <ErrorAlert message={error ? commandErrorText(t, error, language) : null} />
      <CardTable
        rows={subscriptions}
        none={t('none')}
        label={t('title')}
        minWidth={900}
        head={
          <>
            <Table.Th>{t('columns.service')}</Table.Th>
            <Table.Th>{t('columns.tariff')}</Table.Th>
            <Table.Th>{t('columns.price')}</Table.Th>
            <Table.Th>{t('columns.status')}</Table.Th>
            <Table.Th>{t('columns.period')}</Table.Th>
            <Table.Th>{t('columns.autoRenew')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {(subscription) => {
          const price = tariffPriceOn(subscription.tariff, subscription.currentPeriod?.start ?? subscription.startDate);
          const names = { service: subscription.service.name[language], tariff: subscription.tariff.name[language] };
          const { status } = subscription;
          return (
            <Table.Tr key={subscription.id}>
              <Table.Td>{subscription.service.name[language]}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {subscription.tariff.name[language]}
                </Text>
                {subscription.scheduledTariffId !== null && subscription.currentPeriod !== null && (
                  <Text size="xs" c="dimmed">
                    {t('scheduledChangeNote', { tariff: tariffName(subscription.scheduledTariffId), date: formatDateShort(subscription.currentPeriod.end) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {price === undefined ? '—' : t(`perPeriod.${subscription.tariff.billingMonths}`, { price: formatMoney(price) })}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={status} label={t(`domain:subscriptionStatus.${status}`)} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {subscription.currentPeriod ? periodText(subscription.currentPeriod) : t('startsOn', { date: formatDateShort(subscription.startDate) })}
              </Table.Td>
              <Table.Td>{subscription.autoRenew ? t('common:yes') : t('common:no')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  {status === 'pending_payment' && <ActivateButton subscription={subscription} onError={onError} />}
                  {canManage && renewable(subscription, today) && <RenewButton subscription={subscription} onError={onError} />}
                  {canManage && status === 'active' && (
                    <Button size="compact-sm" variant="light" onClick={() => onChangeTariff(subscription)} aria-label={t('row.changeTariffNamed', names)}>
                      {t('row.changeTariff')}
                    </Button>
                  )}
                  {canManage && (status === 'active' || status === 'suspended' || status === 'pending_payment') && (
                    <Button size="compact-sm" variant="light" color="red" onClick={() => onCancel(subscription)} aria-label={t('row.cancelNamed', names)}>
                      {t('row.cancel')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      </CardTable>
    </SectionCard>
  );
}
