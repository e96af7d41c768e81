import { z } from 'zod';
import { addDays, addWorkingDays, type WorkingCalendar } from '../../shared/billing';
import { EDO_CLIENT_DECISIONS, isoDateSchema, notesInputSchema, type EdoAccess, type EdoUsage, type Period, type Service, type Subscription } from '../../shared/domain';
import { loadCalendar } from '../calendar';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, refSchema } from '../registry';
import type { CommandTx, Reader } from '../tx';
import { assertNotFuture } from './dates';
import { loadService, loadSubscription } from './loaders';

/** A service whose paid period opens an access record (Uchet.EDO, 002 §2.2): read from its policy, not its name. */
export function opensEdoAccess(service: Pick<Service, 'policy'> | undefined): boolean {
  return service !== undefined && service.policy.accessProvisionWorkingDays !== null;
}

/**
 * The access record of one charged period: access due within the policy's
 * working days (5) of the charge's business date, the period's start.
 */
export function edoAccessOf(
  subscription: Pick<Subscription, 'id' | 'accountId'>,
  service: Pick<Service, 'policy'>,
  period: Period,
  calendar: WorkingCalendar,
  at: string,
): EdoAccess {
  return {
    id: newId(),
    subscriptionId: subscription.id,
    accountId: subscription.accountId,
    periodStart: period.start,
    periodEnd: period.end,
    paidOn: period.start,
    accessDueDate: addWorkingDays(period.start, service.policy.accessProvisionWorkingDays ?? 0, calendar),
    accessGrantedOn: null,
    actSentOn: null,
    actAcceptanceDate: null,
    clientDecision: null,
    clientDecisionOn: null,
    clientDecisionNote: '',
    createdAt: at,
  };
}

/** After a charged period of a Uchet.EDO subscription (activation, renewal): its access record, in the same transaction. */
export async function openEdoAccess(tx: CommandTx, subscription: Pick<Subscription, 'id' | 'accountId' | 'serviceId'>, period: Period): Promise<void> {
  const service = await tx.read.services.get(subscription.serviceId);
  if (!service || !opensEdoAccess(service)) return;
  await tx.insert('edoAccess', edoAccessOf(subscription, service, period, await loadCalendar(tx), tx.meta.at));
}

export async function loadEdoAccess(reader: Reader, id: string, field = 'accessId'): Promise<EdoAccess> {
  const access = await reader.read.edoAccess.get(id);
  if (!access) throw new CommandError('errors:edo.accessNotFound', { field });
  return access;
}

async function edoServiceOf(reader: Reader, subscription: Subscription, field = 'subscriptionId'): Promise<Service> {
  const service = await loadService(reader, subscription.serviceId, field);
  if (!opensEdoAccess(service)) throw new CommandError('errors:edo.notEdoSubscription', { field });
  return service;
}

function notBefore(date: string, earliest: string, code: 'errors:edo.dateBeforePayment' | 'errors:edo.dateBeforeGrant' | 'errors:edo.dateBeforeAct'): void {
  if (date < earliest) throw new CommandError(code, { field: 'date', params: { date: earliest } });
}

const accessRef = (access: EdoAccess) => ({ table: 'edoAccess' as const, id: access.id });

/** A dated step on one access record (`{ accessId, date }`, the date not after today): load, then `change`. */
function datedAccessCommand(name: string, change: (tx: CommandTx, before: EdoAccess, date: string) => Promise<EdoAccess>) {
  return defineCommand({
    name,
    role: 'operator',
    input: z.object({ accessId: refSchema('errors:edo.accessNotFound'), date: isoDateSchema }),
    ref: accessRef,
    run: async (tx, input): Promise<EdoAccess> => {
      assertNotFuture(tx, input.date);
      return change(tx, await loadEdoAccess(tx, input.accessId), input.date);
    },
  });
}

/** Access to the service was given to the client on `date` (not before the payment, not after today). */
export const grantEdoAccess = datedAccessCommand('grantEdoAccess', async (tx, before, date) => {
  if (before.accessGrantedOn !== null) throw new CommandError('errors:edo.alreadyGranted', { field: 'accessId', params: { date: before.accessGrantedOn } });
  notBefore(date, before.paidOn, 'errors:edo.dateBeforePayment');
  return tx.update('edoAccess', before, { ...before, accessGrantedOn: date });
});

/**
 * The access act was sent to the client on `date` (002 §4.2): it counts as
 * accepted on `addWorkingDays(date, 3)` unless the client signs or rejects
 * it before. Sent after access was granted; sent again only after the
 * client rejected it (a corrected act: the decision is cleared).
 */
export const sendEdoAct = datedAccessCommand('sendEdoAct', async (tx, before, date) => {
  if (before.accessGrantedOn === null) throw new CommandError('errors:edo.accessNotGranted', { field: 'accessId' });
  if (before.actSentOn !== null && before.clientDecision !== 'rejected') {
    throw new CommandError('errors:edo.actAlreadySent', { field: 'accessId', params: { date: before.actSentOn } });
  }
  notBefore(date, before.clientDecisionOn ?? before.accessGrantedOn, 'errors:edo.dateBeforeGrant');
  const service = await edoServiceOf(tx, await loadSubscription(tx, before.subscriptionId), 'accessId');
  // 002 §4.2: the client has 3 working days from receiving it to sign or reject; the act counts as accepted once that term has passed (the day after its last day).
  const lastDayToAnswer = addWorkingDays(date, service.policy.actAcceptanceWorkingDays ?? 0, await loadCalendar(tx));
  const actAcceptanceDate = addDays(lastDayToAnswer, 1);
  return tx.update('edoAccess', before, { ...before, actSentOn: date, actAcceptanceDate, clientDecision: null, clientDecisionOn: null, clientDecisionNote: '' });
});

/**
 * The client signed or rejected the act on `date`. Refused once the act
 * counts as accepted (`date` on or after the acceptance date), and once
 * answered. A rejection needs its written reason (002 §4.2: a motivated
 * refusal).
 */
export const recordEdoActDecision = defineCommand({
  name: 'recordEdoActDecision',
  role: 'operator',
  input: z.object({
    accessId: refSchema('errors:edo.accessNotFound'),
    decision: z.enum(EDO_CLIENT_DECISIONS, { error: 'errors:edo.decisionInvalid' }),
    date: isoDateSchema,
    note: notesInputSchema,
  }),
  ref: accessRef,
  run: async (tx, input): Promise<EdoAccess> => {
    assertNotFuture(tx, input.date);
    const before = await loadEdoAccess(tx, input.accessId);
    if (before.actSentOn === null || before.actAcceptanceDate === null) throw new CommandError('errors:edo.actNotSent', { field: 'accessId' });
    if (before.clientDecision !== null) throw new CommandError('errors:edo.actAlreadyDecided', { field: 'accessId', params: { decision: before.clientDecision } });
    notBefore(input.date, before.actSentOn, 'errors:edo.dateBeforeAct');
    if (input.date >= before.actAcceptanceDate) {
      throw new CommandError('errors:edo.actAlreadyAccepted', { field: 'date', params: { date: before.actAcceptanceDate } });
    }
    const note = input.note ?? '';
    if (input.decision === 'rejected' && note === '') throw new CommandError('errors:edo.rejectionNoteRequired', { field: 'note' });
    return tx.update('edoAccess', before, { ...before, clientDecision: input.decision, clientDecisionOn: input.date, clientDecisionNote: note });
  },
});

/** The most documents a month can hold: far above any tariff, below what a typo of a few digits gives. */
export const MAX_DOCUMENTS_PER_MONTH = 100_000_000;

export const edoMonthSchema = z
  .string({ error: 'errors:month.invalid' })
  .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { error: 'errors:month.invalid' });

/**
 * Documents the client sent in `month` ('YYYY-MM', not after this month),
 * entered by staff (002 §4.4); entering a month again replaces its number.
 * One record per subscription and month, id `${subscriptionId}|${month}`.
 */
export const recordEdoUsage = defineCommand({
  name: 'recordEdoUsage',
  role: 'operator',
  input: z.object({
    subscriptionId: refSchema('errors:subscription.notFound'),
    month: edoMonthSchema,
    documents: z
      .number({ error: 'errors:edo.documentsInvalid' })
      .int({ error: 'errors:edo.documentsInvalid' })
      .min(0, { error: 'errors:edo.documentsInvalid' })
      .max(MAX_DOCUMENTS_PER_MONTH, { error: 'errors:edo.documentsInvalid' }),
  }),
  ref: (usage: EdoUsage) => ({ table: 'edoUsage', id: usage.id }),
  run: async (tx, input): Promise<EdoUsage> => {
    if (input.month > tx.meta.today.slice(0, 7)) throw new CommandError('errors:edo.monthInFuture', { field: 'month', params: { month: tx.meta.today.slice(0, 7) } });
    const subscription = await loadSubscription(tx, input.subscriptionId);
    await edoServiceOf(tx, subscription);
    const id = `${subscription.id}|${input.month}`;
    const before = await tx.read.edoUsage.get(id);
    const after: EdoUsage = { id, subscriptionId: subscription.id, accountId: subscription.accountId, month: input.month, documents: input.documents, updatedAt: tx.meta.at };
    if (!before) return tx.insert('edoUsage', after);
    return tx.update('edoUsage', before, after);
  },
});
