import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatMoney } from '../../i18n/format';
import { tariffPriceOn, type SubscriptionView } from '../../../core';

/** Periods are half-open [start, end); people read the last paid day, so the end is shown minus one day. */
function periodText(period: SubscriptionView['currentPeriod']): string {
  if (!period) return '—';
  return `${formatDateShort(period.start)} – ${formatDateShort(addDays(period.end, -1))}`;
}

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

interface SubscriptionsCardProps {
  subscriptions: SubscriptionView[];
  onCreate: () => void;
  canCreate: boolean;
  error: unknown;
  onError: (error: unknown) => void;
}

export function SubscriptionsCard({ subscriptions, onCreate, canCreate, error, onError }: SubscriptionsCardProps) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="subscriptions-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="subscriptions-title">
            {t('title')}
          </Title>
          <Button variant="light" size="sm" onClick={onCreate} disabled={!canCreate}>
            {t('create.open')}
          </Button>
        </Group>
        <ErrorAlert message={error ? commandErrorText(t, error, language) : null} />
        {subscriptions.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={6} aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.service')}</Table.Th>
                  <Table.Th>{t('columns.tariff')}</Table.Th>
                  <Table.Th>{t('columns.price')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.period')}</Table.Th>
                  <Table.Th>{t('columns.autoRenew')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subscriptions.map((subscription) => {
                  const price = tariffPriceOn(subscription.tariff, subscription.currentPeriod?.start ?? subscription.startDate);
                  return (
                    <Table.Tr key={subscription.id}>
                      <Table.Td>{subscription.service.name[language]}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{subscription.tariff.name[language]}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {price === undefined ? '—' : t(`perPeriod.${subscription.tariff.billingMonths}`, { price: formatMoney(price) })}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={subscription.status} label={t(`domain:subscriptionStatus.${subscription.status}`)} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {subscription.currentPeriod ? periodText(subscription.currentPeriod) : t('startsOn', { date: formatDateShort(subscription.startDate) })}
                      </Table.Td>
                      <Table.Td>{subscription.autoRenew ? t('common:yes') : t('common:no')}</Table.Td>
                      <Table.Td>
                        {subscription.status === 'pending_payment' && <ActivateButton subscription={subscription} onError={onError} />}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
