import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, LocalizedText } from '../../../core';
import { useClock, useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatInstant, formatInteger, formatMoney } from '../../i18n/format';
import { DateTimeFields } from './DateTimeFields';
import { businessDateTimeOf, businessInstant, formatDuration, minutesBetween, type LocalDateTime } from './incidentTime';
import { proposeAfterClosing, type ProposalOutcome } from './proposeAfterClosing';

/** What the dialog needs of an incident: a list row (listIncidents) or the record itself (getIncident) will do. */
export type CloseIncidentTarget = Pick<Incident, 'id' | 'serviceId' | 'start'> & { serviceName?: LocalizedText | null };

interface CloseIncidentModalProps {
  /** The open incident to close; null renders nothing. */
  incident: CloseIncidentTarget | null;
  opened: boolean;
  onClose: () => void;
}

interface Closed {
  incident: Incident;
  /** null: the service's terms give no downtime compensation, nothing was drafted. */
  proposal: ProposalOutcome | null;
}

/**
 * Closes an open incident (§6 closeIncident) with its end typed in business
 * time (UTC+05:00), then, for a service that compensates downtime, drafts
 * the compensations at once (proposeCompensations, operation id derived from
 * the close) and says so: the proposal waits for a manager's decision.
 */
export function CloseIncidentModal({ incident, opened, onClose }: CloseIncidentModalProps) {
  const { t } = useTranslation('incidents');
  return (
    <Modal opened={opened && incident !== null} onClose={onClose} title={t('close.title')} size="md">
      {opened && incident && <CloseIncidentForm key={incident.id} incident={incident} onDone={onClose} />}
    </Modal>
  );
}

function CloseIncidentForm({ incident, onDone }: { incident: CloseIncidentTarget; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  const store = useStore();
  const clock = useClock();
  const [end, setEnd] = useState<LocalDateTime>(() => businessDateTimeOf(clock.now().getTime()));
  const [submitted, setSubmitted] = useState(false);
  const [closed, setClosed] = useState<Closed | null>(null);
  const service = useLiveQuery(async () => (await store.listServices()).find((s) => s.id === incident.serviceId) ?? null, [store, incident.serviceId]);
  const serviceName = incident.serviceName?.[language] ?? service?.name[language] ?? '';

  const endInstant = businessInstant(end);
  const startMs = Date.parse(incident.start);
  const endMs = endInstant === null ? null : Date.parse(endInstant);
  const error = (() => {
    if (endMs === null) return t('close.errors.end');
    if (endMs <= startMs) return t('errors:incident.endNotAfterStart');
    if (endMs > clock.now().getTime()) return t('errors:dateTime.future');
    return null;
  })();

  const mutation = useCommandMutation(
    async (vars: { end: string; compensates: boolean }, opId): Promise<Closed> => {
      const result = await store.closeIncident({ incidentId: incident.id, end: vars.end, opId });
      return { incident: result, proposal: vars.compensates ? await proposeAfterClosing(store, result.id, opId) : null };
    },
    { onSuccess: setClosed },
  );

  if (closed) return <ClosedOutcome closed={closed} onDone={onDone} />;

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSubmitted(true);
    if (error !== null || endInstant === null || service === undefined) return;
    mutation.submit({ end: endInstant, compensates: Boolean(service?.policy.compensation) });
  };

  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('close.submit')} onCancel={onDone} canSubmit={service !== undefined}>
      <Text size="sm">{t('close.subtitle', { service: serviceName, start: formatInstant(incident.start) })}</Text>
      <DateTimeFields
        groupLabel={t('columns.end')}
        dateLabel={t('close.endDate')}
        timeLabel={t('close.endTime')}
        value={end}
        onChange={setEnd}
        maxDate={businessDateTimeOf(clock.now().getTime()).date}
        required
        description={
          endMs !== null && endMs > startMs
            ? t('record.duration', { duration: formatDuration(t, minutesBetween(startMs, endMs)), hours: formatInteger(Math.floor(minutesBetween(startMs, endMs) / 60)) })
            : t('record.timeZoneNote')
        }
        error={submitted ? error : null}
      />
      {service && (
        <Text size="sm" c="dimmed">
          {service.policy.compensation ? t('close.willPropose') : t('close.noCompensation')}
        </Text>
      )}
    </ModalCommandForm>
  );
}

function ClosedOutcome({ closed, onDone }: { closed: Closed; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  const { incident, proposal } = closed;
  const duration = incident.end === null ? null : formatDuration(t, minutesBetween(Date.parse(incident.start), Date.parse(incident.end)));
  return (
    <Stack>
      <Alert role="status" color="teal" variant="light" title={t('close.doneTitle')}>
        {t('close.doneText', { end: incident.end === null ? '' : formatInstant(incident.end), duration: duration ?? '' })}
      </Alert>
      {proposal === null ? (
        <Text size="sm">{t('close.noCompensation')}</Text>
      ) : proposal.kind === 'drafted' ? (
        <Alert role="note" color="blue" variant="light" title={t('close.proposedTitle')}>
          {proposal.lines === 0
            ? t('close.proposedEmpty')
            : t('close.proposedText', { count: proposal.lines, formatted: formatInteger(proposal.lines), amount: formatMoney(proposal.amount) })}
        </Alert>
      ) : (
        <ErrorAlert message={t('close.proposalFailed', { reason: commandErrorText(t, proposal.error, language) })} />
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {t('close.done')}
        </Button>
      </Group>
    </Stack>
  );
}
