import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRefundOverdue } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { CardTable } from '../../components/CardTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RejectWithReasonModal } from '../../components/RejectWithReasonModal';
import { SectionCard } from '../../components/SectionCard';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatInstant, formatMoney } from '../../i18n/format';
import type { Refund, SubscriptionView } from '../../../core';

const DECISION_COLORS: Record<Refund['status'], string> = { requested: 'yellow', approved: 'teal', rejected: 'gray' };

interface RefundsCardProps {
  accountId: string;
  subscriptions: SubscriptionView[];
}

/**
 * The client's refunds (§4.2): what was quoted on cancellation, when it is
 * due (15 working days) and whether it is overdue, and the decision; a
 * requested one is approved (credited to the balance) or rejected with a reason.
 */
export function RefundsCard({ accountId, subscriptions }: RefundsCardProps) {
  const { t } = useTranslation('accounts');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const refunds = useLiveQuery(() => store.listRefunds({ accountId }), [store, accountId]);
  const canDecide = useCan('manager');
  const [error, setError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState<{ refund: Refund; subscription: string } | null>(null);
  const subscriptionName = (id: string) => {
    const subscription = subscriptions.find((s) => s.id === id);
    return subscription ? `${subscription.service.name[language]} · ${subscription.tariff.name[language]}` : '—';
  };

  return (
    <SectionCard title={t('refunds.title')}>
      <ErrorAlert message={error ? commandErrorText(t, error, language) : null} />
      <CardTable
        rows={refunds}
        none={t('refunds.none')}
        label={t('refunds.tableLabel')}
        minWidth={900}
        head={
          <>
            <Table.Th>{t('refunds.columns.subscription')}</Table.Th>
            <Table.Th>{t('refunds.columns.kind')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('refunds.columns.amount')}</Table.Th>
            <Table.Th>{t('refunds.columns.requested')}</Table.Th>
            <Table.Th>{t('refunds.columns.due')}</Table.Th>
            <Table.Th>{t('refunds.columns.status')}</Table.Th>
            <Table.Th>{t('refunds.columns.decided')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('refunds.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {(refund) => {
          const subscription = subscriptionName(refund.subscriptionId);
          const overdue = refund.status === 'requested' && isRefundOverdue(refund.dueDate, today);
          const named = { amount: formatMoney(refund.quote.amount), subscription };
          return (
            <Table.Tr key={refund.id}>
              <Table.Td>{subscription}</Table.Td>
              <Table.Td>{t(`refunds.kind.${refund.quote.kind}`)}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={500}>
                {formatMoney(refund.quote.amount)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatInstant(refund.requestedAt)}>
                {formatDateShort(refund.cancelDate)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <span>{formatDateShort(refund.dueDate)}</span>
                  {overdue && (
                    <Badge color="red" variant="filled" tt="none">
                      {t('refunds.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={DECISION_COLORS[refund.status]} variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
                  {t(`domain:decisionStatus.${refund.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {refund.decidedAt !== null && (
                  <Text size="sm">{t('refunds.decidedBy', { who: refund.decidedBy ?? '', at: formatInstant(refund.decidedAt) })}</Text>
                )}
                {refund.decisionReason ? (
                  <Text size="xs" c="dimmed">
                    {t('refunds.reason', { reason: refund.decisionReason })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {refund.status === 'requested' && canDecide && (
                  <Group gap={6} wrap="nowrap" justify="flex-end">
                    <ApproveButton refund={refund} label={t('refunds.approveNamed', named)} onError={setError} />
                    <Button size="compact-sm" variant="light" color="red" aria-label={t('refunds.rejectNamed', named)} onClick={() => setRejecting({ refund, subscription })}>
                      {t('refunds.reject')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        }}
      </CardTable>
      <RejectWithReasonModal
        subject={rejecting}
        onClose={() => setRejecting(null)}
        texts={{ title: t('refunds.rejectTitle'), submit: t('refunds.rejectSubmit'), reason: t('refunds.rejectReason'), reasonRequired: t('refunds.reasonRequired') }}
        describe={({ refund, subscription }) => t('refunds.rejectText', { amount: formatMoney(refund.quote.amount), subscription })}
        describeSize="sm"
        reject={({ refund }, reason, opId) => store.rejectRefund({ refundId: refund.id, reason, opId })}
      />
    </SectionCard>
  );
}

function ApproveButton({ refund, label, onError }: { refund: Refund; label: string; onError: (error: unknown) => void }) {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const mutation = useCommandMutation((_: void, opId) => store.approveRefund({ refundId: refund.id, opId }), { onMutate: () => onError(null), onError });
  return (
    <Button size="compact-sm" loading={mutation.isPending} disabled={mutation.isPending} aria-label={label} onClick={() => mutation.submit()}>
      {t('refunds.approve')}
    </Button>
  );
}
