import { Anchor, Badge, Button, Center, Checkbox, Group, Loader, Modal, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isRefundOverdue } from '../../../shared/billing';
import type { Refund, Store } from '../../../core';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { ConfirmCommandForm } from '../../components/ModalCommandForm';
import { RejectWithReasonModal } from '../../components/RejectWithReasonModal';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatInstant, formatInteger, formatMoney } from '../../i18n/format';
import { SubscriptionsTabs } from './SubscriptionsTabs';

type RefundRow = Awaited<ReturnType<Store['refundRegister']>>['rows'][number];
type RefundStatus = Refund['status'];

const STATUSES: readonly RefundStatus[] = ['requested', 'approved', 'rejected'];
const STATUS_COLOR: Record<RefundStatus, string> = { requested: 'yellow', approved: 'teal', rejected: 'gray' };
/** Rows rendered at once; "show more" adds as many again (the register holds at most 2 000). */
const ROWS_STEP = 200;

type Decision = { kind: 'approve' | 'reject'; refund: RefundRow } | null;

/**
 * The refunds register (§4.2): every refund newest first, with its due date
 * (15 working days after the request) and an overdue flag for undecided
 * ones past it; a manager approves (credited to the balance) or rejects
 * with a written reason.
 */
export function RefundsPage() {
  const { t } = useTranslation('refunds');
  const store = useStore();
  const today = useBusinessToday();
  const [status, setStatus] = useState<RefundStatus | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [decision, setDecision] = useState<Decision>(null);
  const filterKey = `${status}|${overdueOnly}|${today}`;
  const [paging, setPaging] = useState({ key: filterKey, rows: ROWS_STEP });
  const visible = paging.key === filterKey ? paging.rows : ROWS_STEP;

  const register = useLiveQuery(
    () =>
      store.refundRegister({
        ...(status === '' ? {} : { status }),
        ...(overdueOnly ? { overdueOn: today } : {}),
      }),
    [store, status, overdueOnly, today],
  );
  const filtered = status !== '' || overdueOnly;

  return (
    <Stack gap="md">
      <SubscriptionsTabs />
      <Title order={2}>{t('title')}</Title>
      <Text maw={860}>{t('intro')}</Text>
      <Group align="flex-end" gap="lg" role="group" aria-label={t('filters.label')}>
        <NativeSelect
          label={t('filters.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as RefundStatus | '')}
          data={[{ value: '', label: t('filters.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`domain:decisionStatus.${s}`) }))]}
          w={220}
        />
        <Checkbox label={t('filters.overdueOnly')} checked={overdueOnly} onChange={(event) => setOverdueOnly(event.currentTarget.checked)} mb={8} />
      </Group>
      {register === undefined ? (
        <Center p="xl">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : register.rows.length === 0 ? (
        <Text c="dimmed">{filtered ? t('noneForFilter') : t('none')}</Text>
      ) : (
        <>
          <RefundsTable rows={register.rows.slice(0, visible)} today={today} onDecide={setDecision} />
          <Group gap="md">
            <Text size="sm" c="dimmed">
              {register.truncated
                ? t('truncated', { formatted: formatInteger(register.rows.length) })
                : t('shown', { count: Math.min(visible, register.rows.length), formatted: formatInteger(Math.min(visible, register.rows.length)) })}
            </Text>
            {visible < register.rows.length && (
              <Button variant="default" size="xs" onClick={() => setPaging({ key: filterKey, rows: visible + ROWS_STEP })}>
                {t('showMore', { count: Math.min(ROWS_STEP, register.rows.length - visible) })}
              </Button>
            )}
          </Group>
        </>
      )}
      <ApproveRefundModal refund={decision?.kind === 'approve' ? decision.refund : null} onClose={() => setDecision(null)} />
      <RejectRefundModal refund={decision?.kind === 'reject' ? decision.refund : null} onClose={() => setDecision(null)} />
    </Stack>
  );
}

const BADGE_STYLES = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

function RefundsTable({ rows, today, onDecide }: { rows: RefundRow[]; today: string; onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation('refunds');
  // Refund decisions are a manager's (§6); an operator sees the register only.
  const canDecide = useCan('manager');
  const language = useUiLanguage();
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing={8} striped highlightOnHover aria-label={t('tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.client')}</Table.Th>
            <Table.Th style={nowrap}>{t('columns.requestDate')}</Table.Th>
            <Table.Th style={nowrap}>{t('columns.dueDate')}</Table.Th>
            <Table.Th style={{ ...nowrap, textAlign: 'right' }}>{t('columns.amount')}</Table.Th>
            <Table.Th>{t('columns.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((refund) => {
            const overdue = refund.status === 'requested' && isRefundOverdue(refund.dueDate, today);
            const amount = formatMoney(refund.quote.amount);
            const service = [refund.serviceName?.[language], refund.tariffName?.[language]].filter(Boolean).join(' · ');
            return (
              <Table.Tr key={refund.id} style={{ verticalAlign: 'top' }}>
                <Table.Td miw={200}>
                  <Anchor component={Link} to={`/accounts/${refund.accountId}`} fw={500}>
                    {refund.accountName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {service}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>{formatDateShort(refund.cancelDate)}</Table.Td>
                <Table.Td style={nowrap}>
                  <Stack gap={4} align="flex-start">
                    <span>{formatDateShort(refund.dueDate)}</span>
                    {overdue && (
                      <Badge color="red" variant="filled" tt="none" fw={600} styles={BADGE_STYLES}>
                        {t('overdue')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ ...nowrap, textAlign: 'right' }}>
                  <Text size="sm" fw={600}>
                    {amount}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`kind.${refund.quote.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td miw={240}>
                  <Stack gap={4} align="flex-start">
                    <Badge variant="light" color={STATUS_COLOR[refund.status]} tt="none" fw={600} styles={BADGE_STYLES}>
                      {t(`domain:decisionStatus.${refund.status}`)}
                    </Badge>
                    {refund.decidedAt !== null && (
                      <Text size="xs" c="dimmed">
                        {t('decided', { who: refund.decidedBy ?? '', when: formatInstant(refund.decidedAt) })}
                      </Text>
                    )}
                    {refund.decisionReason && (
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {t('reasonText', { reason: refund.decisionReason })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={nowrap}>
                  {refund.status === 'requested' && canDecide && (
                    <Stack gap={6} align="stretch">
                      <Button size="compact-sm" onClick={() => onDecide({ kind: 'approve', refund })} aria-label={t('approve.openNamed', { client: refund.accountName, amount })}>
                        {t('approve.open')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => onDecide({ kind: 'reject', refund })}
                        aria-label={t('reject.openNamed', { client: refund.accountName, amount })}
                      >
                        {t('reject.open')}
                      </Button>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ApproveRefundModal({ refund, onClose }: { refund: RefundRow | null; onClose: () => void }) {
  const { t } = useTranslation('refunds');
  return (
    <Modal opened={refund !== null} onClose={onClose} title={t('approve.title')} size="md">
      {refund && <ApproveRefundForm refund={refund} onDone={onClose} />}
    </Modal>
  );
}

function ApproveRefundForm({ refund, onDone }: { refund: RefundRow; onDone: () => void }) {
  const { t } = useTranslation('refunds');
  const store = useStore();
  return (
    <ConfirmCommandForm command={(opId) => store.approveRefund({ refundId: refund.id, opId })} submitLabel={t('approve.submit')} onDone={onDone}>
      <Text>{t('approve.text', { client: refund.accountName, amount: formatMoney(refund.quote.amount) })}</Text>
    </ConfirmCommandForm>
  );
}

function RejectRefundModal({ refund, onClose }: { refund: RefundRow | null; onClose: () => void }) {
  const { t } = useTranslation('refunds');
  const store = useStore();
  return (
    <RejectWithReasonModal
      subject={refund}
      onClose={onClose}
      texts={{ title: t('reject.title'), submit: t('reject.submit'), reason: t('reject.reason'), reasonHint: t('reject.reasonHint'), reasonRequired: t('reject.reasonRequired') }}
      describe={(subject) => t('reject.text', { client: subject.accountName, amount: formatMoney(subject.quote.amount) })}
      reasonMaxRows={8}
      reject={(subject, reason, opId) => store.rejectRefund({ refundId: subject.id, reason, opId })}
    />
  );
}
