import { Alert, Checkbox, Modal, MultiSelect, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CAUSES, PLANNED_NOTICE_HOURS, type Cause } from '../../../shared/billing';
import { TEXT_LIMITS, type CommandInput, type Service } from '../../../core';
import { useClock, useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInteger } from '../../i18n/format';
import { DateTimeFields } from './DateTimeFields';
import { businessDateTimeOf, businessInstant, EMPTY_DATE_TIME, formatDuration, isBlank, minutesBetween, noticeText, plannedNotice, type LocalDateTime } from './incidentTime';
import { proposeAfterClosing } from './proposeAfterClosing';

const SOURCES = ['monitoring', 'ticket'] as const;
type Source = (typeof SOURCES)[number];
const NOTES_MAX = TEXT_LIMITS.notes;
/** Options rendered at once in the subscription picker; typing narrows the rest. */
const PICKER_LIMIT = 50;

interface Values {
  serviceId: string;
  start: LocalDateTime;
  ongoing: boolean;
  end: LocalDateTime;
  cause: Cause | '';
  announced: LocalDateTime;
  scope: 'all' | 'chosen';
  subscriptionIds: string[];
  source: Source;
  notes: string;
}

/** The client's ticket an incident is recorded from: its service, source "ticket" and the link to it. */
export interface IncidentFromTicket {
  id: string;
  serviceId: string;
  subject: string;
}

export function NewIncidentModal({ opened, onClose, ticket }: { opened: boolean; onClose: () => void; ticket?: IncidentFromTicket }) {
  const { t } = useTranslation('incidents');
  return (
    <Modal opened={opened} onClose={onClose} title={t('record.title')} size="lg">
      {opened && <NewIncidentForm onCancel={onClose} ticket={ticket} />}
    </Modal>
  );
}

type FieldErrors = Partial<Record<'serviceId' | 'start' | 'end' | 'cause' | 'announced' | 'subscriptionIds', string>>;

/**
 * Records an incident (§6 recordIncident): times are typed in business time
 * (UTC+05:00); for planned works the 48-hour rule is shown live from the
 * inputs. With an end and a service that compensates downtime, the
 * compensations are drafted at once (proposeCompensations); then the
 * incident's page opens.
 */
function NewIncidentForm({ onCancel, ticket }: { onCancel: () => void; ticket?: IncidentFromTicket }) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  const store = useStore();
  const clock = useClock();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => ({
    serviceId: ticket?.serviceId ?? '',
    start: { date: businessDateTimeOf(clock.now().getTime()).date, time: '' },
    ongoing: false,
    end: EMPTY_DATE_TIME,
    cause: '',
    announced: EMPTY_DATE_TIME,
    scope: 'all',
    subscriptionIds: [],
    source: ticket ? 'ticket' : 'monitoring',
    notes: '',
  }));
  const [submitted, setSubmitted] = useState(false);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  const services = useLiveQuery(() => store.listServices(), [store]);
  const service: Service | undefined = services?.find((s) => s.id === values.serviceId);
  const active = useLiveQuery(
    async () => (values.serviceId === '' ? null : { serviceId: values.serviceId, list: await store.listSubscriptions({ serviceId: values.serviceId, status: 'active' }) }),
    [store, values.serviceId],
  );
  const activeList = active?.serviceId === values.serviceId ? active.list : undefined;

  const start = businessInstant(values.start);
  const end = values.ongoing ? null : businessInstant(values.end);
  const announced = values.cause === 'planned' && !isBlank(values.announced) ? businessInstant(values.announced) : null;
  const startMs = start === null ? null : Date.parse(start);
  const endMs = end === null ? null : Date.parse(end);
  const durationMinutes = startMs !== null && endMs !== null && endMs > startMs ? minutesBetween(startMs, endMs) : null;
  const requiredHours = service?.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS;
  const notice = values.cause === 'planned' && startMs !== null && (isBlank(values.announced) || announced !== null) ? plannedNotice(startMs, announced === null ? null : Date.parse(announced), requiredHours) : null;

  const errors = validate();
  const shownErrors: FieldErrors = submitted ? errors : {};

  const mutation = useCommandMutation(
    async (vars: { input: Omit<CommandInput<'recordIncident'>, 'opId'>; compensates: boolean }, opId) => {
      const incident = await store.recordIncident({ ...vars.input, opId });
      if (incident.end !== null && vars.compensates) {
        // The incident is recorded either way; its page shows whether the proposal is there.
        const outcome = await proposeAfterClosing(store, incident.id, opId);
        if (outcome.kind === 'failed') console.warn('proposeCompensations after recordIncident failed', outcome.error);
      }
      return incident;
    },
    { onSuccess: (incident) => navigate(`/incidents/${incident.id}`) },
  );

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0 || start === null || values.cause === '') return;
    mutation.submit({
      input: {
        serviceId: values.serviceId,
        start,
        end: values.ongoing ? null : end,
        cause: values.cause,
        announcedAt: values.cause === 'planned' ? announced : null,
        source: values.source,
        ...(ticket && values.source === 'ticket' ? { ticketId: ticket.id } : {}),
        ...(values.scope === 'chosen' ? { subscriptionIds: values.subscriptionIds } : {}),
        notes: values.notes,
      },
      compensates: Boolean(service?.policy.compensation),
    });
  };

  const nowMs = clock.now().getTime();
  const maxDate = businessDateTimeOf(nowMs).date;
  const pickerData = (activeList?.rows ?? []).map((row) => ({ value: row.id, label: t('record.subscriptionOption', { client: row.accountName, tariff: row.tariffName[language] }) }));

  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('record.submit')} onCancel={onCancel}>
      <NativeSelect
        label={t('record.service')}
        withAsterisk
        value={values.serviceId}
        onChange={(event) => set({ serviceId: event.currentTarget.value, subscriptionIds: [] })}
        data={[{ value: '', label: t('record.chooseService') }, ...(services ?? []).map((s) => ({ value: s.id, label: s.name[language] }))]}
        description={service ? (service.policy.compensation ? t('record.serviceCompensates') : t('record.serviceNoCompensation')) : undefined}
        error={shownErrors.serviceId}
        data-autofocus
      />
      <DateTimeFields
        groupLabel={t('columns.start')}
        dateLabel={t('record.startDate')}
        timeLabel={t('record.startTime')}
        value={values.start}
        onChange={(start) => set({ start })}
        maxDate={maxDate}
        required
        error={shownErrors.start}
      />
      <Checkbox label={t('record.ongoing')} checked={values.ongoing} onChange={(event) => set({ ongoing: event.currentTarget.checked })} />
      {!values.ongoing && (
        <DateTimeFields
          groupLabel={t('columns.end')}
          dateLabel={t('record.endDate')}
          timeLabel={t('record.endTime')}
          value={values.end}
          onChange={(end) => set({ end })}
          maxDate={maxDate}
          required
          description={durationMinutes === null ? t('record.endHint') : t('record.duration', { duration: formatDuration(t, durationMinutes), hours: formatInteger(Math.floor(durationMinutes / 60)) })}
          error={shownErrors.end}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('record.timeZoneNote')}
      </Text>
      <NativeSelect
        label={t('record.cause')}
        withAsterisk
        value={values.cause}
        onChange={(event) => set({ cause: event.currentTarget.value as Cause | '' })}
        data={[{ value: '', label: t('record.chooseCause') }, ...CAUSES.map((cause) => ({ value: cause, label: t(`domain:cause.${cause}`) }))]}
        error={shownErrors.cause}
      />
      {values.cause === 'planned' && (
        <Stack gap={6}>
          <DateTimeFields
            groupLabel={t('record.announced')}
            dateLabel={t('record.announcedDate')}
            timeLabel={t('record.announcedTime')}
            value={values.announced}
            onChange={(announced) => set({ announced })}
            maxDate={maxDate}
            description={t('record.announcedHint', { hours: requiredHours })}
            error={shownErrors.announced}
          />
          {notice && (
            <Alert role="status" aria-live="polite" variant="light" color={notice.counts ? 'orange' : 'teal'} p="xs" title={t('record.noticeTitle', { hours: requiredHours })}>
              {noticeText(t, notice)}
            </Alert>
          )}
        </Stack>
      )}
      <Radio.Group label={t('record.affected')} value={values.scope} onChange={(scope) => set({ scope: scope === 'chosen' ? 'chosen' : 'all' })}>
        <Stack gap={6} mt={6}>
          <Radio
            value="all"
            label={
              activeList === undefined
                ? t('record.affectedAll')
                : t('record.affectedAllCount', { formatted: formatInteger(activeList.rows.length) })
            }
          />
          <Radio value="chosen" label={t('record.affectedChosen')} disabled={values.serviceId === ''} />
        </Stack>
      </Radio.Group>
      {values.scope === 'chosen' && (
        <MultiSelect
          label={t('record.subscriptions')}
          description={t('record.subscriptionsHint')}
          placeholder={t('record.subscriptionsPlaceholder')}
          data={pickerData}
          value={values.subscriptionIds}
          onChange={(subscriptionIds) => set({ subscriptionIds })}
          searchable
          clearable
          limit={PICKER_LIMIT}
          nothingFoundMessage={t('record.subscriptionsNone')}
          error={shownErrors.subscriptionIds}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <NativeSelect
        label={t('record.source')}
        value={values.source}
        onChange={(event) => set({ source: event.currentTarget.value === 'ticket' ? 'ticket' : 'monitoring' })}
        data={SOURCES.map((source) => ({ value: source, label: t(`domain:incidentSource.${source}`) }))}
        description={ticket ? t('record.sourceTicket', { subject: ticket.subject }) : t('record.sourceHint')}
      />
      <Textarea label={t('record.notes')} autosize minRows={3} maxRows={8} maxLength={NOTES_MAX} value={values.notes} onChange={(event) => set({ notes: event.currentTarget.value })} />
    </ModalCommandForm>
  );

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const now = clock.now().getTime();
    if (values.serviceId === '') found.serviceId = t('record.errors.service');
    if (start === null) found.start = t('record.errors.start');
    else if (Date.parse(start) > now) found.start = t('errors:dateTime.future');
    if (!values.ongoing) {
      if (end === null) found.end = t('record.errors.end');
      else if (start !== null && Date.parse(end) <= Date.parse(start)) found.end = t('errors:incident.endNotAfterStart');
      else if (Date.parse(end) > now) found.end = t('errors:dateTime.future');
    }
    if (values.cause === '') found.cause = t('record.errors.cause');
    if (values.cause === 'planned' && !isBlank(values.announced)) {
      if (announced === null) found.announced = t('record.errors.announced');
      else if (Date.parse(announced) > now) found.announced = t('errors:dateTime.future');
    }
    if (values.scope === 'chosen' && values.subscriptionIds.length === 0) found.subscriptionIds = t('record.errors.subscriptions');
    return found;
  }
}
