import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRefundOverdue } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ModalCommandForm } from '../../components/ModalCommandForm';
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
  const [error, setError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState<{ refund: Refund; subscription: string } | null>(null);
  const subscriptionName = (id: string) => {
    const subscription = subscriptions.find((s) => s.id === id);
    return subscription ? `${subscription.service.name[language]} · ${subscription.tariff.name[language]}` : '—';
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="refunds-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="refunds-title">
          {t('refunds.title')}
        </Title>
        <ErrorAlert message={error ? commandErrorText(t, error, language) : null} />
        {refunds === undefined ? null : refunds.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('refunds.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} aria-label={t('refunds.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
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
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refunds.map((refund) => {
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
                        {refund.status === 'requested' && (
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
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('refunds.rejectTitle')} size="md">
        {rejecting && <RejectRefundForm refund={rejecting.refund} subscription={rejecting.subscription} onDone={() => setRejecting(null)} />}
      </Modal>
    </Card>
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

function RejectRefundForm({ refund, subscription, onDone }: { refund: Refund; subscription: string; onDone: () => void }) {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const [reason, setReason] = useState('');
  const [blank, setBlank] = useState(false);
  const mutation = useCommandMutation((_: void, opId) => store.rejectRefund({ refundId: refund.id, reason, opId }), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (reason.trim() === '') {
      setBlank(true);
      return;
    }
    mutation.submit();
  };
  // A blank reason is caught here; the store's other refusals of it (too long, invisible characters) show above the field.
  const fieldError = blank ? t('refunds.reasonRequired') : undefined;
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('refunds.rejectSubmit')} onCancel={onDone}>
      <Text size="sm">{t('refunds.rejectText', { amount: formatMoney(refund.quote.amount), subscription })}</Text>
      <Textarea
        label={t('refunds.rejectReason')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        value={reason}
        error={fieldError}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setBlank(false);
        }}
      />
    </ModalCommandForm>
  );
}
