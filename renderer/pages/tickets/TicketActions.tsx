import { Button, Group, Modal, NativeSelect, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../core';
import { useStore } from '../../app/services';
import { useSignedInUser } from '../../app/session';
import { ConfirmCommandForm, ModalCommandForm } from '../../components/ModalCommandForm';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { formatInstant } from '../../i18n/format';
import { formatDuration } from '../incidents/incidentTime';

/** The life-cycle steps a ticket page offers (docs/tickets.md "Life cycle"), each confirmed in a dialog. */
const STEPS = ['take', 'respond', 'wait', 'resume', 'resolve', 'close', 'reopen'] as const;
type Step = (typeof STEPS)[number];

/** Which steps the ticket's status allows; `me` is the signed-in login. */
export function availableSteps(ticket: Ticket, me: string | null): Step[] {
  const allowed: Record<Step, boolean> = {
    take: me !== null && ticket.status !== 'closed' && ticket.assignee !== me,
    respond: ticket.status === 'open' && ticket.firstResponseAt === null,
    wait: ticket.status === 'open',
    resume: ticket.status === 'waiting_client',
    resolve: ticket.status === 'open' || ticket.status === 'waiting_client',
    close: ticket.status === 'resolved',
    reopen: ticket.status === 'resolved',
  };
  return STEPS.filter((step) => allowed[step]);
}

/** The primary step is filled, the others outlined. */
function primaryStep(steps: Step[]): Step | undefined {
  return (['respond', 'resume', 'resolve', 'close'] as const).find((step) => steps.includes(step));
}

interface TicketActionsProps {
  ticket: Ticket;
  /** Open minutes of the level's clock since the wait began (waiting) or since resolved (resolved): what resume/reopen add. */
  clientMinutes: number;
  onOpenIncident: () => void;
}

/** The ticket's actions by status, then "assign" and "open an incident". */
export function TicketActions({ ticket, clientMinutes, onOpenIncident }: TicketActionsProps) {
  const { t } = useTranslation('tickets');
  const me = useSignedInUser()?.login ?? null;
  const [step, setStep] = useState<Step | 'assign' | null>(null);
  const steps = availableSteps(ticket, me);
  const primary = primaryStep(steps);
  const close = () => setStep(null);
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('actions.label')}>
        {steps.map((s) => (
          <Button key={s} variant={s === primary ? 'filled' : 'default'} onClick={() => setStep(s)}>
            {t(`actions.${s}.button`)}
          </Button>
        ))}
        {ticket.status !== 'closed' && (
          <Button variant="default" onClick={() => setStep('assign')}>
            {t('actions.assign.button')}
          </Button>
        )}
        <Button variant="light" onClick={onOpenIncident}>
          {t('actions.incident')}
        </Button>
      </Group>
      <Modal opened={step !== null} onClose={close} title={step ? t(`actions.${step}.title`) : ''} size="md">
        {step === 'assign' ? <AssignForm ticket={ticket} onDone={close} /> : step !== null && <StepForm step={step} ticket={ticket} me={me} clientMinutes={clientMinutes} onDone={close} />}
      </Modal>
    </>
  );
}

function StepForm({ step, ticket, me, clientMinutes, onDone }: { step: Step; ticket: Ticket; me: string | null; clientMinutes: number; onDone: () => void }) {
  const { t } = useTranslation('tickets');
  const store = useStore();
  const ticketId = ticket.id;
  const command = (opId: string): Promise<unknown> => {
    switch (step) {
      case 'take':
        return store.assignTicket({ ticketId, assignee: me, opId });
      case 'respond':
        return store.respondToTicket({ ticketId, opId });
      case 'wait':
        return store.waitForClient({ ticketId, opId });
      case 'resume':
        return store.resumeTicket({ ticketId, opId });
      case 'resolve':
        return store.resolveTicket({ ticketId, opId });
      case 'close':
        return store.closeTicket({ ticketId, opId });
      case 'reopen':
        return store.reopenTicket({ ticketId, opId });
    }
  };
  const params = {
    responseDue: formatInstant(ticket.responseDueAt),
    since: ticket.waitingSince ? formatInstant(ticket.waitingSince) : ticket.resolvedAt ? formatInstant(ticket.resolvedAt) : '',
    duration: formatDuration(t, clientMinutes),
    login: me ?? '',
  };
  const note = step === 'resolve' && ticket.status === 'waiting_client' ? t('actions.resolve.whileWaiting', params) : step === 'wait' && ticket.firstResponseAt === null ? t('actions.wait.firstResponse') : null;
  return (
    <ConfirmCommandForm command={command} submitLabel={t(`actions.${step}.submit`)} onDone={onDone}>
      <Text size="sm">{t(`actions.${step}.text`, params)}</Text>
      {note && <Text size="sm">{note}</Text>}
    </ConfirmCommandForm>
  );
}

/** Gives the ticket to an active staff member, or to nobody. */
function AssignForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation('tickets');
  const store = useStore();
  const staff = useLiveQuery(() => store.listStaff(), [store]);
  const [assignee, setAssignee] = useState(ticket.assignee ?? '');
  const mutation = useCommandMutation((value: string, opId) => store.assignTicket({ ticketId: ticket.id, assignee: value === '' ? null : value, opId }), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.submit(assignee);
  };
  const active = (staff ?? []).filter((m) => m.active || m.login === ticket.assignee);
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('actions.assign.submit')} onCancel={onDone}>
      <NativeSelect
        label={t('actions.assign.field')}
        value={assignee}
        onChange={(event) => setAssignee(event.currentTarget.value)}
        data={[{ value: '', label: t('create.assigneeNone') }, ...active.map((m) => ({ value: m.login, label: t('filters.person', { name: m.name, login: m.login }) }))]}
        data-autofocus
      />
    </ModalCommandForm>
  );
}
