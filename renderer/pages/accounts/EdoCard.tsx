import { Alert, Badge, Button, Group, Modal, NumberInput, Radio, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/billing';
import { TEXT_LIMITS, type EdoAccessStatus, type EdoAccessView, type EdoOfSubscription, type SubscriptionView } from '../../../core';
import { useStore } from '../../app/services';
import { useCan } from '../../app/session';
import { CardTable } from '../../components/CardTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { SectionCard } from '../../components/SectionCard';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatInteger, formatMoney } from '../../i18n/format';
import { formatMonth } from '../incidents/CompensationTerms';
import { periodText } from '../subscriptions/subscriptionTarget';

const STATUS_COLORS: Record<EdoAccessStatus, string> = {
  awaiting_access: 'yellow',
  access_overdue: 'red',
  access_granted: 'blue',
  act_sent: 'blue',
  accepted: 'teal',
  accepted_auto: 'teal',
  rejected: 'orange',
};

/** Whether a service opens Uchet.EDO access records (read from its policy, not its name). */
export function isEdoSubscription(subscription: SubscriptionView): boolean {
  return subscription.service.policy.accessProvisionWorkingDays !== null;
}

interface EdoCardProps {
  subscriptions: SubscriptionView[];
  /** Opens the Change tariff dialog for the subscription (the upgrade suggestion). */
  onChangeTariff: (subscription: SubscriptionView) => void;
}

/**
 * Uchet.EDO (002 §2.2, §4.2–4.4), one card per subscription of the client:
 * each paid year's access (due within 5 working days of the payment), the
 * access act (sent, accepted by the client's signature or automatically
 * after 3 working days, or rejected), and the documents sent per month
 * against the tariff's limit with an upgrade suggestion when it was exceeded.
 */
export function EdoCards({ subscriptions, onChangeTariff }: EdoCardProps) {
  const edo = subscriptions.filter(isEdoSubscription);
  return (
    <>
      {edo.map((subscription) => (
        <EdoCard key={subscription.id} subscription={subscription} onChangeTariff={() => onChangeTariff(subscription)} />
      ))}
    </>
  );
}

type Dialog = { kind: 'grant' | 'send' | 'decide'; access: EdoAccessView } | null;

function EdoCard({ subscription, onChangeTariff }: { subscription: SubscriptionView; onChangeTariff: () => void }) {
  const { t } = useTranslation('edo');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const canChangeTariff = useCan('manager');
  const edo = useLiveQuery(() => store.edoOfSubscription(subscription.id, today), [store, subscription.id, today]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tariff = subscription.tariff.name[language];

  return (
    <SectionCard title={t('card.title', { tariff })}>
      <Text size="sm" c="dimmed">
        {t('card.intro')}
      </Text>
      <CardTable
        rows={edo?.accesses}
        none={t('access.none')}
        label={t('access.tableLabel', { tariff })}
        minWidth={1000}
        head={
          <>
            <Table.Th>{t('access.period')}</Table.Th>
            <Table.Th>{t('access.paidOn')}</Table.Th>
            <Table.Th>{t('access.dueDate')}</Table.Th>
            <Table.Th>{t('access.grantedOn')}</Table.Th>
            <Table.Th>{t('access.actSentOn')}</Table.Th>
            <Table.Th>{t('access.acceptance')}</Table.Th>
            <Table.Th>{t('access.status')}</Table.Th>
            <Table.Th>{t('access.actions')}</Table.Th>
          </>
        }
      >
        {(access) => {
          const period = periodText({ start: access.periodStart, end: access.periodEnd });
          return (
            <Table.Tr key={access.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{period}</Table.Td>
              <Table.Td>{formatDateShort(access.paidOn)}</Table.Td>
              <Table.Td>{formatDateShort(access.accessDueDate)}</Table.Td>
              <Table.Td>{access.accessGrantedOn ? formatDateShort(access.accessGrantedOn) : '—'}</Table.Td>
              <Table.Td>{access.actSentOn ? formatDateShort(access.actSentOn) : '—'}</Table.Td>
              <Table.Td>
                {access.clientDecisionOn ? formatDateShort(access.clientDecisionOn) : access.actAcceptanceDate ? formatDateShort(access.actAcceptanceDate) : '—'}
                {access.status === 'act_sent' && access.actAcceptanceDate && (
                  <Text size="xs" c="dimmed">
                    {t('access.autoOn')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[access.status]} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
                  {t(`status.${access.status}`)}
                </Badge>
                {access.clientDecision === 'rejected' && access.clientDecisionNote !== '' && (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {t('access.reason', { reason: access.clientDecisionNote })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AccessActions access={access} period={period} onOpen={setDialog} />
              </Table.Td>
            </Table.Tr>
          );
        }}
      </CardTable>
      {edo && <Usage subscription={subscription} edo={edo} canChangeTariff={canChangeTariff && subscription.status === 'active'} onChangeTariff={onChangeTariff} />}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`${dialog.kind}.title`) : ''} size="md">
        {dialog && <AccessDialog dialog={dialog} today={today} onDone={() => setDialog(null)} />}
      </Modal>
    </SectionCard>
  );
}

/** The next step of a paid year's access, as its status allows. */
function AccessActions({ access, period, onOpen }: { access: EdoAccessView; period: string; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation('edo');
  const kind = access.status === 'awaiting_access' || access.status === 'access_overdue' ? 'grant' : access.status === 'access_granted' || access.status === 'rejected' ? 'send' : access.status === 'act_sent' ? 'decide' : null;
  if (kind === null) return null;
  const label = kind === 'send' && access.status === 'rejected' ? t('send.again') : t(`${kind}.button`);
  return (
    <Button size="compact-sm" variant={kind === 'grant' && access.status === 'access_overdue' ? 'filled' : 'light'} onClick={() => onOpen({ kind, access })} aria-label={t('access.actionNamed', { action: label, period })}>
      {label}
    </Button>
  );
}

/** Grant access, send the act, or record the client's answer, each dated (a business date no later than today). */
function AccessDialog({ dialog, today, onDone }: { dialog: NonNullable<Dialog>; today: string; onDone: () => void }) {
  const { t } = useTranslation('edo');
  const store = useStore();
  const { access } = dialog;
  const earliest = dialog.kind === 'grant' ? access.paidOn : dialog.kind === 'send' ? (access.clientDecisionOn ?? access.accessGrantedOn ?? access.paidOn) : (access.actSentOn ?? access.paidOn);
  // An answer dated on or after the acceptance date comes too late: the act is accepted by then.
  const latest = dialog.kind === 'decide' && access.actAcceptanceDate !== null && addDays(access.actAcceptanceDate, -1) < today ? addDays(access.actAcceptanceDate, -1) : today;
  const [date, setDate] = useState(latest < earliest ? earliest : today > latest ? latest : today);
  const [decision, setDecision] = useState<'signed' | 'rejected'>('signed');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const dateError = !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('errors.date') : date < earliest || date > latest ? t('errors.dateRange', { from: formatDateShort(earliest), to: formatDateShort(latest) }) : null;
  const noteError = dialog.kind === 'decide' && decision === 'rejected' && note.trim() === '' ? t('errors:edo.rejectionNoteRequired') : null;

  const mutation = useCommandMutation(
    (_: void, opId) => {
      if (dialog.kind === 'grant') return store.grantEdoAccess({ accessId: access.id, date, opId });
      if (dialog.kind === 'send') return store.sendEdoAct({ accessId: access.id, date, opId });
      return store.recordEdoActDecision({ accessId: access.id, decision, date, ...(note.trim() === '' ? {} : { note }), opId });
    },
    { onSuccess: onDone },
  );
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSubmitted(true);
    if (dateError || noteError) return;
    mutation.submit();
  };
  const params = { due: formatDateShort(access.accessDueDate), acceptance: access.actAcceptanceDate ? formatDateShort(access.actAcceptanceDate) : '' };
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t(`${dialog.kind}.submit`)} onCancel={onDone}>
      <Text size="sm">{t(`${dialog.kind}.text`, params)}</Text>
      {dialog.kind === 'decide' && (
        <Radio.Group label={t('decide.decision')} value={decision} onChange={(value) => setDecision(value === 'rejected' ? 'rejected' : 'signed')}>
          <Stack gap={6} mt={6}>
            <Radio value="signed" label={t('decide.signed')} />
            <Radio value="rejected" label={t('decide.rejected')} />
          </Stack>
        </Radio.Group>
      )}
      <TextInput type="date" label={t(`${dialog.kind}.date`)} value={date} min={earliest} max={latest} onChange={(event) => setDate(event.currentTarget.value)} error={submitted ? dateError : null} w={220} data-autofocus />
      {dialog.kind === 'decide' && (
        <Textarea
          label={decision === 'rejected' ? t('decide.reason') : t('decide.note')}
          withAsterisk={decision === 'rejected'}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={TEXT_LIMITS.notes}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={submitted ? noteError : null}
        />
      )}
    </ModalCommandForm>
  );
}

interface UsageProps {
  subscription: SubscriptionView;
  edo: EdoOfSubscription;
  canChangeTariff: boolean;
  onChangeTariff: () => void;
}

/** Documents sent per month (entered by staff) against the current tariff's monthly limit, and the upgrade suggestion (002 §4.4). */
function Usage({ subscription, edo, canChangeTariff, onChangeTariff }: UsageProps) {
  const { t } = useTranslation('edo');
  const language = useUiLanguage();
  const tariff = subscription.tariff.name[language];
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('usage.title')}</Text>
      <Text size="sm">{edo.documentLimit === null ? t('usage.noLimit', { tariff }) : t('usage.limit', { tariff, count: edo.documentLimit, formatted: formatInteger(edo.documentLimit) })}</Text>
      {edo.suggestion && (
        <Alert color="orange" variant="light" title={t('usage.exceededTitle')} role="region" aria-label={t('usage.exceededTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('usage.suggestion', {
                name: edo.suggestion.name[language],
                count: edo.suggestion.documentsPerMonth,
                formatted: formatInteger(edo.suggestion.documentsPerMonth),
                price: formatMoney(edo.suggestion.price),
              })}
            </Text>
            {canChangeTariff && (
              <Button size="compact-sm" onClick={onChangeTariff}>
                {t('usage.changeTariff')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <CardTable
        rows={edo.usage}
        none={t('usage.none')}
        label={t('usage.tableLabel', { tariff })}
        minWidth={520}
        head={
          <>
            <Table.Th>{t('usage.month')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('usage.documents')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('usage.limitColumn')}</Table.Th>
            <Table.Th>{t('usage.state')}</Table.Th>
          </>
        }
      >
        {(row) => (
          <Table.Tr key={row.month}>
            <Table.Td>{formatMonth(t, row.month)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatInteger(row.documents)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{row.limit === null ? '—' : formatInteger(row.limit)}</Table.Td>
            <Table.Td>
              {row.exceeded ? (
                <Badge color="red" variant="light" tt="none" fw={600}>
                  {t('usage.exceeded', { formatted: formatInteger(row.documents - (row.limit ?? 0)) })}
                </Badge>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('usage.within')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </CardTable>
      <UsageForm subscription={subscription} />
    </Stack>
  );
}

/** Enters (or replaces) one month's count of documents sent; the month defaults to the current one, never later. */
function UsageForm({ subscription }: { subscription: SubscriptionView }) {
  const { t } = useTranslation('edo');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const thisMonth = today.slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const [documents, setDocuments] = useState<number | string>('');
  const [submitted, setSubmitted] = useState(false);
  const monthError = !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? t('errors:month.invalid') : month > thisMonth ? t('errors:edo.monthInFuture', { month: thisMonth }) : null;
  const documentsError = typeof documents === 'number' && Number.isInteger(documents) && documents >= 0 ? null : t('usage.documentsRequired');
  const mutation = useCommandMutation((_: void, opId) => store.recordEdoUsage({ subscriptionId: subscription.id, month, documents: Number(documents), opId }), {
    onSuccess: () => {
      setDocuments('');
      setSubmitted(false);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (monthError || documentsError) return;
    mutation.submit();
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('usage.formLabel', { tariff: subscription.tariff.name[language] })}>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm">
          <TextInput type="month" label={t('usage.monthField')} value={month} max={thisMonth} onChange={(event) => setMonth(event.currentTarget.value)} error={submitted ? monthError : null} w={190} />
          <NumberInput
            label={t('usage.documentsField')}
            value={documents}
            onChange={setDocuments}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            error={submitted ? documentsError : null}
            w={200}
          />
          <Button type="submit" mt={25} loading={mutation.isPending} disabled={mutation.isPending}>
            {t('usage.save')}
          </Button>
        </Group>
        <ErrorAlert message={mutation.isError ? commandErrorText(t, mutation.error, language) : null} />
      </Stack>
    </form>
  );
}
