import { Alert, Button, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TEXT_LIMITS, type Ticket } from '../../../core';
import { useClock, useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant } from '../../i18n/format';
import { DateTimeFields } from '../incidents/DateTimeFields';
import { businessDateTimeOf, businessInstant, type LocalDateTime } from '../incidents/incidentTime';
import { targetText } from './ticketDeadline';

/** Clients listed at once for a search; typing more narrows them. */
const CLIENT_LIMIT = 50;

interface NewTicketModalProps {
  opened: boolean;
  onClose: () => void;
  /** The client, when the dialog opens from the client's page: no search. */
  account?: { id: string; name: string };
}

/** Registers a client's ticket (openTicket); once registered, shows the deadlines it got. */
export function NewTicketModal({ opened, onClose, account }: NewTicketModalProps) {
  const { t } = useTranslation('tickets');
  const [created, setCreated] = useState<Ticket | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? t('create.doneTitle') : t('create.title')} size="lg">
      {opened && (created ? <CreatedTicket ticket={created} onDone={close} /> : <NewTicketForm account={account} onCancel={close} onCreated={setCreated} />)}
    </Modal>
  );
}

interface Values {
  query: string;
  accountId: string;
  subscriptionId: string;
  level: string;
  subject: string;
  description: string;
  createdAt: LocalDateTime;
  assignee: string;
}

type FieldErrors = Partial<Record<'accountId' | 'subscriptionId' | 'level' | 'subject' | 'createdAt', string>>;

/**
 * Client (searched by name, IIN/BIN, phone or e-mail, or given) → one of
 * the client's subscriptions → a support level of its service (with its
 * targets) → subject, description, when the request came in (default
 * now, business time) and who takes it.
 */
function NewTicketForm({ account, onCancel, onCreated }: { account?: { id: string; name: string }; onCancel: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t } = useTranslation('tickets');
  const language = useUiLanguage();
  const store = useStore();
  const clock = useClock();
  const [values, setValues] = useState<Values>(() => ({
    query: '',
    accountId: account?.id ?? '',
    subscriptionId: '',
    level: '',
    subject: '',
    description: '',
    createdAt: businessDateTimeOf(clock.now().getTime()),
    assignee: '',
  }));
  const [submitted, setSubmitted] = useState(false);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  const [query] = useDebouncedValue(values.query.trim(), 150);
  const found = useLiveQuery(async () => (account || query === '' ? null : { query, rows: await store.searchAccounts(query, { limit: CLIENT_LIMIT }) }), [store, account, query]);
  const clients = found?.query === query ? found.rows : undefined;
  const view = useLiveQuery(async () => (values.accountId === '' ? null : ((await store.getAccountView(values.accountId)) ?? null)), [store, values.accountId]);
  const subscriptions = view && view.account.id === values.accountId ? view.subscriptions : [];
  const subscription = subscriptions.find((s) => s.id === values.subscriptionId);
  const targets = subscription?.service.policy.supportTargets ?? [];
  const target = targets.find((x) => x.level === values.level);
  const staff = useLiveQuery(() => store.listStaff(), [store]);

  const createdAt = businessInstant(values.createdAt);
  const errors = validate();
  const shown: FieldErrors = submitted ? errors : {};

  const mutation = useCommandMutation(
    (input: { accountId: string; subscriptionId: string; level: string; subject: string; description: string; createdAt: string; assignee: string | null }, opId) =>
      store.openTicket({ ...input, opId }),
    { onSuccess: onCreated },
  );

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0 || createdAt === null) return;
    mutation.submit({
      accountId: values.accountId,
      subscriptionId: values.subscriptionId,
      level: values.level,
      subject: values.subject,
      description: values.description,
      createdAt,
      assignee: values.assignee === '' ? null : values.assignee,
    });
  };

  const clientData = [
    { value: '', label: clients === undefined ? t('create.clientSearchFirst') : clients.length === 0 ? t('create.clientNone') : t('create.clientChoose', { count: clients.length }) },
    ...(clients ?? []).map((a) => ({ value: a.id, label: t('create.clientOption', { name: a.name, iinBin: a.iinBin }) })),
  ];
  // The chosen client stays listed while the search changes.
  if (!account && view && values.accountId !== '' && !(clients ?? []).some((a) => a.id === values.accountId)) {
    clientData.push({ value: view.account.id, label: t('create.clientOption', { name: view.account.name, iinBin: view.account.iinBin }) });
  }

  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('create.submit')} onCancel={onCancel}>
      {account ? (
        <TextInput label={t('create.client')} value={account.name} readOnly variant="filled" />
      ) : (
        <>
          <TextInput
            label={t('create.clientSearch')}
            description={t('create.clientSearchHint')}
            value={values.query}
            onChange={(event) => set({ query: event.currentTarget.value })}
            data-autofocus
          />
          <NativeSelect
            label={t('create.client')}
            withAsterisk
            value={values.accountId}
            onChange={(event) => set({ accountId: event.currentTarget.value, subscriptionId: '', level: '' })}
            data={clientData}
            error={shown.accountId}
          />
        </>
      )}
      <NativeSelect
        label={t('create.subscription')}
        withAsterisk
        value={values.subscriptionId}
        disabled={values.accountId === ''}
        onChange={(event) => set({ subscriptionId: event.currentTarget.value, level: '' })}
        data={[
          { value: '', label: values.accountId !== '' && view && subscriptions.length === 0 ? t('create.subscriptionNone') : t('create.subscriptionChoose') },
          ...subscriptions.map((s) => {
            const supported = s.service.policy.supportTargets.length > 0;
            const label = t('create.subscriptionOption', { service: s.service.name[language], tariff: s.tariff.name[language], status: t(`domain:subscriptionStatus.${s.status}`) });
            return { value: s.id, label: supported ? label : t('create.subscriptionNoLevels', { label }), disabled: !supported };
          }),
        ]}
        error={shown.subscriptionId}
      />
      <NativeSelect
        label={t('create.level')}
        withAsterisk
        value={values.level}
        disabled={subscription === undefined}
        onChange={(event) => set({ level: event.currentTarget.value })}
        data={[{ value: '', label: t('create.levelChoose') }, ...targets.map((x) => ({ value: x.level, label: t(`domain:supportLevel.${x.level}`, { defaultValue: x.level }) }))]}
        description={target ? targetText(t, target) : undefined}
        error={shown.level}
      />
      <TextInput label={t('create.subject')} withAsterisk maxLength={TEXT_LIMITS.subject} value={values.subject} onChange={(event) => set({ subject: event.currentTarget.value })} error={shown.subject} />
      <Textarea
        label={t('create.description')}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={TEXT_LIMITS.notes}
        value={values.description}
        onChange={(event) => set({ description: event.currentTarget.value })}
      />
      <DateTimeFields
        groupLabel={t('create.createdAt')}
        dateLabel={t('create.createdDate')}
        timeLabel={t('create.createdTime')}
        value={values.createdAt}
        onChange={(createdAt) => set({ createdAt })}
        maxDate={businessDateTimeOf(clock.now().getTime()).date}
        description={t('create.createdHint')}
        required
        error={shown.createdAt}
      />
      <NativeSelect
        label={t('create.assignee')}
        value={values.assignee}
        onChange={(event) => set({ assignee: event.currentTarget.value })}
        data={[
          { value: '', label: t('create.assigneeNone') },
          ...(staff ?? []).filter((m) => m.active).map((m) => ({ value: m.login, label: t('filters.person', { name: m.name, login: m.login }) })),
        ]}
      />
    </ModalCommandForm>
  );

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    if (values.accountId === '') found.accountId = t('create.errors.client');
    if (values.subscriptionId === '') found.subscriptionId = t('create.errors.subscription');
    if (values.level === '') found.level = t('create.errors.level');
    if (values.subject.trim() === '') found.subject = t('create.errors.subject');
    if (createdAt === null) found.createdAt = t('create.errors.createdAt');
    // A minute typed as now is still "now": the store refuses only what lies after its clock.
    else if (Date.parse(createdAt) > clock.now().getTime()) found.createdAt = t('errors:dateTime.future');
    return found;
  }
}

/** The ticket just registered: the deadlines the store computed for it. */
function CreatedTicket({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  return (
    <Stack>
      <Alert color="teal" variant="light" role="status" title={t('create.doneText', { subject: ticket.subject })}>
        <Table variant="vertical" withTableBorder={false} verticalSpacing={4} aria-label={t('create.deadlinesLabel')}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('deadline.response')}</Table.Th>
              <Table.Td>{formatInstant(ticket.responseDueAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('deadline.resolution')}</Table.Th>
              <Table.Td>{ticket.resolutionDueAt === null ? t('deadline.resolutionNotSet') : formatInstant(ticket.resolutionDueAt)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Alert>
      <Text size="xs" c="dimmed">
        {t('timeZone')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('create.done')}
        </Button>
        <Button
          onClick={() => {
            onDone();
            void navigate(`/tickets/${ticket.id}`);
          }}
        >
          {t('create.openTicket')}
        </Button>
      </Group>
    </Stack>
  );
}
