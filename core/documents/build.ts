import Dexie from 'dexie';
import { z } from 'zod';
import { addDays, vatOf, vatRateOn } from '../../shared/billing';
import {
  amountSchema,
  businessDateSchema,
  documentLanguageSchema,
  TEXT_LIMITS,
  textSchema,
  tariffPriceOn,
  type Account,
  type ActContent,
  type ActLine,
  type DocumentClient,
  type InvoiceContent,
  type IsoDate,
  type LedgerEntry,
  type LocalizedText,
  type Period,
  type ReconciliationContent,
  type ReconciliationRow,
  type Tiyn,
  type VatPart,
} from '../../shared/domain';
import { CommandError } from '../errors';
import { refSchema } from '../registry';
import type { Reader } from '../tx';
import { loadAccount, loadService, loadSubscription, loadTariff } from '../commands/loaders';
import { dayOfMonth, periodFrom, RENEWABLE } from '../commands/subscriptions';
import { tariffIdOn } from '../commands/compensations';

/** An invoice is payable within 5 calendar days of its date (004 §4.1; decided for every service). */
export const INVOICE_PAYABLE_DAYS = 5;

const accountRef = refSchema('errors:account.notFound');

export const invoiceInput = z
  .object({
    accountId: accountRef,
    subscriptionId: refSchema('errors:subscription.notFound').optional(),
    amount: amountSchema.optional(),
    description: z.object({ kk: textSchema({ max: TEXT_LIMITS.localizedName }), ru: textSchema({ max: TEXT_LIMITS.localizedName }) }).optional(),
    language: documentLanguageSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const bySubscription = input.subscriptionId !== undefined;
    const byAmount = input.amount !== undefined || input.description !== undefined;
    if (bySubscription === byAmount || (byAmount && (input.amount === undefined || input.description === undefined))) {
      ctx.addIssue({ code: 'custom', path: [bySubscription ? 'subscriptionId' : input.amount === undefined ? 'amount' : 'description'], message: 'errors:documents.modeRequired' });
    }
  });
export type InvoiceInput = z.output<typeof invoiceInput>;

export const periodDocumentInput = z
  .object({ accountId: accountRef, from: businessDateSchema, to: businessDateSchema, language: documentLanguageSchema.optional() })
  .refine((input) => input.from <= input.to, { path: ['to'], message: 'errors:documents.rangeInvalid' });
export type PeriodDocumentInput = z.output<typeof periodDocumentInput>;

/** What an issued document is made of, before it gets its number. */
export interface BuiltDocument<C> {
  account: Account;
  client: DocumentClient;
  content: C;
}

export function clientOf(account: Account): DocumentClient {
  const client: DocumentClient = { accountId: account.id, kind: account.kind, name: account.name, iinBin: account.iinBin };
  if (account.responsiblePerson !== undefined) client.responsiblePerson = account.responsiblePerson;
  if (account.email !== undefined) client.email = account.email;
  if (account.phone !== undefined) client.phone = account.phone;
  return client;
}

/** VAT included in amounts grouped by the rate of their dates: one rounding per rate (§1 VAT). */
export function vatParts(amounts: readonly { date: IsoDate; amount: Tiyn }[]): VatPart[] {
  const byRate = new Map<number, { base: Tiyn; date: IsoDate }>();
  for (const { date, amount } of amounts) {
    const rate = vatRateOn(date);
    const group = byRate.get(rate);
    byRate.set(rate, { base: (group?.base ?? 0) + amount, date: group?.date ?? date });
  }
  return [...byRate]
    .sort(([a], [b]) => a - b)
    .map(([rate, { base, date }]) => ({ rate, base, vat: base < 0 ? -vatOf(-base, date) : vatOf(base, date) }));
}

const describeTariff = (service: LocalizedText, tariff: LocalizedText): LocalizedText => ({ kk: `${service.kk}: ${tariff.kk}`, ru: `${service.ru}: ${tariff.ru}` });

/**
 * An invoice for a subscription's next period (its first, while it waits for
 * payment) at the price the renewal will charge, or for any amount. Dated
 * today; VAT at today's rate.
 */
export async function buildInvoice(reader: Reader, input: InvoiceInput, today: IsoDate): Promise<BuiltDocument<InvoiceContent>> {
  const account = await loadAccount(reader, input.accountId);
  let line: InvoiceContent['lines'][number];
  if (input.subscriptionId !== undefined) {
    const subscription = await loadSubscription(reader, input.subscriptionId);
    if (subscription.accountId !== account.id) throw new CommandError('errors:documents.subscriptionOfOtherAccount', { field: 'subscriptionId' });
    const tariff = await loadTariff(reader, subscription.scheduledTariffId ?? subscription.tariffId);
    const service = await loadService(reader, subscription.serviceId);
    let period: Period;
    if (subscription.status === 'pending_payment') {
      period = periodFrom(subscription.startDate, tariff.billingMonths, dayOfMonth(subscription.startDate));
    } else if (RENEWABLE.has(subscription.status) && subscription.currentPeriod !== null) {
      period = periodFrom(subscription.currentPeriod.end, tariff.billingMonths, subscription.anchorDay);
    } else {
      throw new CommandError('errors:documents.subscriptionNotInvoiceable', { field: 'subscriptionId' });
    }
    const price = tariffPriceOn(tariff, period.start);
    if (price === undefined) throw new CommandError('errors:tariff.noPrice', { field: 'subscriptionId', params: { date: period.start } });
    line = { description: describeTariff(service.name, tariff.name), period, quantity: 1, price, amount: price };
  } else {
    line = { description: input.description!, period: null, quantity: 1, price: input.amount!, amount: input.amount! };
  }
  const content: InvoiceContent = {
    kind: 'invoice',
    payableBy: addDays(today, INVOICE_PAYABLE_DAYS),
    knp: '',
    subscriptionId: input.subscriptionId ?? null,
    lines: [line],
    total: line.amount,
    vat: vatParts([{ date: today, amount: line.amount }]),
  };
  return { account, client: clientOf(account), content };
}

/** The account's entries, oldest business date first, then in the order they were recorded. */
async function entriesOf(reader: Reader, accountId: string): Promise<LedgerEntry[]> {
  const entries = await reader.read.ledger.where('[accountId+at]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();
  return entries.sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const ACT_KINDS: ReadonlySet<LedgerEntry['kind']> = new Set(['period_charge', 'tariff_change_charge', 'tariff_change_credit']);

function assertNotFuture(date: IsoDate, today: IsoDate, field: string): void {
  if (date > today) throw new CommandError('errors:date.future', { field, params: { today } });
}

/**
 * The act of services rendered for [from, to]: every period charge and
 * tariff-change charge or credit of those business dates, one line per
 * charge (its bonus and money entries together: the service was rendered
 * at its full price; the bonus part is shown apart).
 */
export async function buildAct(reader: Reader, input: PeriodDocumentInput, today: IsoDate): Promise<BuiltDocument<ActContent>> {
  assertNotFuture(input.to, today, 'to');
  const account = await loadAccount(reader, input.accountId);
  const entries = (await entriesOf(reader, account.id)).filter((e) => ACT_KINDS.has(e.kind) && e.businessDate >= input.from && e.businessDate <= input.to);
  const charges = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const key = entry.chargeId ?? entry.id;
    charges.set(key, [...(charges.get(key) ?? []), entry]);
  }
  if (charges.size === 0) throw new CommandError('errors:documents.nothingToAct', { params: { from: input.from, to: input.to } });
  const subscriptionIds = [...new Set(entries.map((e) => e.subscriptionId).filter((id): id is string => id !== undefined))];
  const subscriptions = new Map((await reader.read.subscriptions.bulkGet(subscriptionIds)).filter((s) => s !== undefined).map((s) => [s.id, s]));
  const [tariffs, services] = await Promise.all([reader.read.tariffs.toArray(), reader.read.services.toArray()]);
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  // The account's tariff changes: a line names the tariff its charge was for (a period charge: the tariff on its period's start).
  const accountChanges = await reader.read.tariffChanges.where('accountId').equals(account.id).toArray();
  const changes = new Map(accountChanges.map((c) => [c.id, c]));

  const lines: ActLine[] = [...charges.values()].map((group) => {
    const first = group[0]!;
    const subscription = first.subscriptionId === undefined ? undefined : subscriptions.get(first.subscriptionId);
    const change = first.tariffChangeId === undefined ? undefined : changes.get(first.tariffChangeId);
    const tariffId = change?.toTariffId ?? (subscription ? tariffIdOn(subscription, accountChanges.filter((c) => c.subscriptionId === subscription.id), first.period?.start ?? first.businessDate) : '');
    const tariff = tariffById.get(tariffId);
    const service = serviceById.get(first.serviceId ?? subscription?.serviceId ?? '');
    const description: LocalizedText = service && tariff ? describeTariff(service.name, tariff.name) : service ? service.name : { kk: '—', ru: '—' };
    const period = first.period ?? (change && subscription?.currentPeriod ? { start: change.effectiveDate, end: subscription.currentPeriod.end } : null);
    return {
      date: first.businessDate,
      description,
      period,
      ledgerKind: first.kind,
      subscriptionId: first.subscriptionId ?? null,
      // 0 − x, not −x: an empty sum must not become −0 (it would print as "-0").
      amount: 0 - group.reduce((sum, e) => sum + e.amount, 0),
      bonusPart: 0 - group.filter((e) => e.bucket === 'bonus').reduce((sum, e) => sum + e.amount, 0),
    };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const content: ActContent = {
    kind: 'act',
    from: input.from,
    to: input.to,
    lines,
    total,
    bonusTotal: lines.reduce((sum, l) => sum + l.bonusPart, 0),
    vat: vatParts(lines.map((l) => ({ date: l.date, amount: l.amount }))),
  };
  return { account, client: clientOf(account), content };
}

/**
 * The reconciliation act for [from, to] over the money bucket (bonuses are
 * not money the parties owe each other): the balance at the start of
 * `from`, every movement, the balance at the end of `to`. Seen from the
 * provider: what the client was charged or paid out is debit, what the
 * client paid or got back is credit.
 */
export async function buildReconciliation(reader: Reader, input: PeriodDocumentInput, today: IsoDate): Promise<BuiltDocument<ReconciliationContent>> {
  assertNotFuture(input.to, today, 'to');
  const account = await loadAccount(reader, input.accountId);
  const money = (await entriesOf(reader, account.id)).filter((e) => e.bucket === 'money' && e.businessDate <= input.to);
  let opening = 0;
  const rows: ReconciliationRow[] = [];
  for (const entry of money) {
    if (entry.businessDate < input.from) {
      opening += entry.amount;
      continue;
    }
    rows.push({
      date: entry.businessDate,
      ledgerKind: entry.kind,
      reference: entry.reference ?? null,
      period: entry.period ?? null,
      debit: entry.amount < 0 ? -entry.amount : 0,
      credit: entry.amount > 0 ? entry.amount : 0,
      ledgerEntryId: entry.id,
    });
  }
  const debitTotal = rows.reduce((sum, r) => sum + r.debit, 0);
  const creditTotal = rows.reduce((sum, r) => sum + r.credit, 0);
  const content: ReconciliationContent = { kind: 'reconciliation', from: input.from, to: input.to, opening, rows, debitTotal, creditTotal, closing: opening + creditTotal - debitTotal };
  return { account, client: clientOf(account), content };
}
