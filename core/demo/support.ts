import { addWorkingDays, businessDateOf, type WorkingCalendar } from '../../shared/billing';
import type { EdoAccess, IsoDate, Service, Subscription, Ticket } from '../../shared/domain';
import { loadCalendar } from '../calendar';
import { opensEdoAccess } from '../commands/edo';
import { resolutionDueAtOf, responseDueAtOf, withRunningDeadline } from '../commands/tickets';
import type { AppDatabase } from '../db';
import { readerOf } from '../tx';
import { Random } from './random';

/** At most this many demo tickets (one per ten clients below that) and Uchet.EDO access records. */
export const DEMO_TICKETS_MAX = 200;
export const DEMO_EDO_ACCESS_MAX = 2000;

/** The client's own words: demo content, as a client would write it (not UI text). */
const SUBJECTS = [
  'Не открывается информационная база',
  'Сервер недоступен по RDP',
  'Медленно работает 1С после обновления',
  'Қосымша пайдаланушыға рұқсат беру',
  'Есепті жүктеу кезінде қате шығады',
  'Вопрос по закрытию месяца',
  'Сайт не открывается по домену',
  'Резервную копию восстановить за вчера',
];

const MINUTE = 60_000;

function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Tickets on the active subscriptions of services with support levels, spread
 * over the last two weeks in every state of the life cycle, deadlines from
 * the calendar in force; deterministic for the seed and `now`.
 */
function demoTickets(random: Random, newId: () => string, services: Service[], subscriptions: Subscription[], count: number, nowMs: number, calendar: WorkingCalendar): Ticket[] {
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tickets: Ticket[] = [];
  for (let i = 0; i < count && subscriptions.length > 0; i++) {
    const subscription = random.pick(subscriptions);
    const target = random.pick(serviceById.get(subscription.serviceId)!.policy.supportTargets);
    const age = random.int(10, 14 * 24 * 60);
    const createdMs = nowMs - age * MINUTE;
    const createdAt = instant(createdMs);
    const recent = age < 2 * 24 * 60;
    const roll = random.next();
    const status: Ticket['status'] = recent ? (roll < 0.6 ? 'open' : roll < 0.85 ? 'waiting_client' : 'resolved') : roll < 0.15 ? 'open' : roll < 0.45 ? 'resolved' : 'closed';
    const answered = status !== 'open' || (age > 30 && random.chance(0.6));
    const firstResponseMs = answered ? createdMs + random.int(5, Math.min(age - 1, 6 * 60)) * MINUTE : null;
    const resolvedMs = status === 'resolved' || status === 'closed' ? Math.min(nowMs, firstResponseMs! + random.int(10, 48 * 60) * MINUTE) : null;
    const closedMs = status === 'closed' && resolvedMs! + 24 * 60 * MINUTE <= nowMs ? resolvedMs! + 24 * 60 * MINUTE : null;
    tickets.push(
      withRunningDeadline({
        id: newId(),
        accountId: subscription.accountId,
        subscriptionId: subscription.id,
        serviceId: subscription.serviceId,
        level: target.level,
        status: status === 'closed' && closedMs === null ? 'resolved' : status,
        subject: random.pick(SUBJECTS),
        description: '',
        assignee: null,
        createdAt,
        firstResponseAt: firstResponseMs === null ? null : instant(firstResponseMs),
        resolvedAt: resolvedMs === null ? null : instant(resolvedMs),
        closedAt: closedMs === null ? null : instant(closedMs),
        responseDueAt: responseDueAtOf(createdAt, target, calendar),
        resolutionDueAt: resolutionDueAtOf(createdAt, target, calendar, 0),
        waitingOpenMinutes: 0,
        waitingSince: status === 'waiting_client' ? instant(firstResponseMs!) : null,
        reopenedCount: 0,
      }),
    );
  }
  return tickets;
}

/**
 * The access record of each Uchet.EDO subscription's current year, as staff
 * would have kept it: granted within the 5 working days, the act sent and
 * mostly signed or accepted by silence; the newest ones still under way.
 */
function demoEdoAccess(random: Random, newId: () => string, subscriptions: Subscription[], today: IsoDate, at: string, calendar: WorkingCalendar): EdoAccess[] {
  const rows: EdoAccess[] = [];
  for (const subscription of subscriptions) {
    const period = subscription.currentPeriod;
    if (period === null || period.start > today) continue;
    const paidOn = period.start;
    const grantedOn = random.chance(0.9) ? addWorkingDays(paidOn, random.int(1, 6), calendar) : null;
    const granted = grantedOn !== null && grantedOn <= today ? grantedOn : null;
    const sentOn = granted !== null ? addWorkingDays(granted, random.int(0, 2), calendar) : null;
    const actSentOn = sentOn !== null && sentOn <= today ? sentOn : null;
    const actAcceptanceDate = actSentOn === null ? null : addWorkingDays(actSentOn, 3, calendar);
    const answerOn = actSentOn === null ? null : addWorkingDays(actSentOn, random.int(1, 2), calendar);
    const roll = random.next();
    const decision = answerOn !== null && answerOn <= today && roll < 0.55 ? (roll < 0.05 ? 'rejected' : 'signed') : null;
    rows.push({
      id: newId(),
      subscriptionId: subscription.id,
      accountId: subscription.accountId,
      periodStart: period.start,
      periodEnd: period.end,
      paidOn,
      accessDueDate: addWorkingDays(paidOn, 5, calendar),
      accessGrantedOn: granted,
      actSentOn,
      actAcceptanceDate,
      clientDecision: decision,
      clientDecisionOn: decision === null ? null : answerOn,
      clientDecisionNote: decision === 'rejected' ? 'Реквизиттер дұрыс емес / Неверные реквизиты' : '',
      createdAt: at,
    });
  }
  return rows;
}

/**
 * Support tickets and Uchet.EDO access records for a demo book just written
 * (read back through indexes: active subscriptions per service); a modest
 * number so the load stays fast at 100 000 clients.
 */
export async function planDemoSupport(db: AppDatabase, opts: { seed: number; accounts: number; today: Date }): Promise<{ tickets: Ticket[]; edoAccess: EdoAccess[] }> {
  const random = new Random(opts.seed ^ 0x2c1b3c6d);
  const idRandom = new Random(opts.seed ^ 0x68e31da4);
  const newId = () => idRandom.orderedUuid();
  const services = await db.services.toArray();
  const calendar = await loadCalendar(readerOf(db));
  const activeOf = (service: Service, limit: number) => db.subscriptions.where('[serviceId+status]').equals([service.id, 'active']).limit(limit).toArray();
  const count = Math.min(DEMO_TICKETS_MAX, Math.ceil(opts.accounts / 10));
  const supported = services.filter((s) => s.policy.supportTargets.length > 0);
  const [supportedSubs, edoSubs] = await Promise.all([
    Promise.all(supported.map((s) => activeOf(s, count))).then((lists) => lists.flat()),
    Promise.all(services.filter((s) => opensEdoAccess(s)).map((s) => activeOf(s, DEMO_EDO_ACCESS_MAX))).then((lists) => lists.flat().slice(0, DEMO_EDO_ACCESS_MAX)),
  ]);
  const nowMs = opts.today.getTime();
  const at = opts.today.toISOString();
  return {
    tickets: demoTickets(random, newId, services, supportedSubs, count, nowMs, calendar),
    edoAccess: demoEdoAccess(random, newId, edoSubs, businessDateOf(at), at, calendar),
  };
}
