import Dexie from 'dexie';
import type { Account, LedgerEntry, Service, Tariff } from '../shared/domain';
import { balancesOf } from './balances';
import { isoDateSchema } from '../shared/domain';
import { cancelSubscriptionInput, planCancellation } from './commands/cancellations';
import { changeTariffInput, planTariffChange } from './commands/changeTariff';
import { planClose } from './commands/closeAccount';
import { previewRenewals, RENEWALS_LAST_RUN } from './commands/renewals';
import { parseInput } from './registry';
import { DEMO_SETTING } from './demo/generate';
import { readerOf } from './tx';
import type { AppDatabase, StoredAccount } from './db';
import { wordsOf } from './searchFields';
import type { AccountView, SubscriptionView } from './types';
import { listRefunds, listSubscriptions, subscriptionPaidShares } from './views/subscriptions';
import { refundRegister } from './views/refunds';
import { ledgerTotals, listLedgerEntries } from './views/ledger';
import { accountNames, renewalsDue } from './views/renewals';
import { availability, compensationsOfAccount, getIncident, listIncidents } from './views/incidents';
import { getTicket, listTickets } from './views/tickets';
import { availabilityReport, compensationReport, dashboard, debtorsReport, refundsReport, revenueReport } from './views/reports';
import { edoOfSubscription, listEdoAccess } from './views/edo';
import { getCalendar } from './calendar';
import { getDocument, getProviderRequisites, listDocuments, previewAct, previewInvoice, previewReconciliation } from './views/documents';
import { getSecuritySettings, hasStaff, listStaff } from './views/staff';
import { auditActors, auditCommands, historyOf, listAudit } from './views/audit';
import { backupSettings } from './backup';

export const DEFAULT_SEARCH_LIMIT = 50;
const MIN_PHONE_DIGITS = 3;

/** What a person may type for a phone: 8 701…, +7 701…, 701… all mean +7 701…. */
function phoneCandidates(digits: string): string[] {
  if (digits.length < MIN_PHONE_DIGITS) return [];
  const candidates = new Set([digits]);
  if (digits.startsWith('8')) candidates.add(`7${digits.slice(1)}`);
  if (digits.length <= 10) candidates.add(`7${digits}`);
  return [...candidates];
}

function byName(a: Account, b: Account): number {
  return a.name.localeCompare(b.name, 'ru');
}

/**
 * Indexed prefix queries only (no table scan), each capped at `limit`:
 * digits search IIN/BIN and phone, text searches name words (every typed
 * word must prefix some word of the name) and e-mail. Results are merged
 * without duplicates: identifier hits first, then names, then e-mails.
 */
export async function searchAccounts(db: AppDatabase, query: string, opts: { limit?: number } = {}): Promise<Account[]> {
  const limit = Math.max(1, opts.limit ?? DEFAULT_SEARCH_LIMIT);
  const text = query.trim();
  if (text === '') return db.accounts.orderBy('name').limit(limit).toArray();

  const groups: Promise<StoredAccount[]>[] = [];
  const compactDigits = text.replace(/[\s()+-]/g, '');
  if (/^\d+$/.test(compactDigits)) {
    groups.push(db.accounts.where('iinBin').startsWith(compactDigits).limit(limit).toArray());
    for (const candidate of phoneCandidates(compactDigits)) {
      groups.push(db.accounts.where('phoneDigits').startsWith(candidate).limit(limit).toArray());
    }
  }
  const words = wordsOf(text);
  if (words.length > 0) {
    // The longest word is the most selective one to walk the index with.
    const lead = words.reduce((a, b) => (b.length > a.length ? b : a));
    groups.push(
      db.accounts
        .where('nameWords')
        .startsWith(lead)
        .distinct()
        .filter((account) => words.every((word) => account.nameWords.some((nameWord) => nameWord.startsWith(word))))
        .limit(limit)
        .toArray()
        .then((hits) => hits.sort(byName)),
    );
  }
  if (!/\s/.test(text)) {
    groups.push(db.accounts.where('emailLower').startsWith(text.toLowerCase()).limit(limit).toArray());
  }

  const seen = new Set<string>();
  const merged: Account[] = [];
  for (const hits of await Promise.all(groups)) {
    for (const account of hits) {
      if (merged.length >= limit) return merged;
      if (seen.has(account.id)) continue;
      seen.add(account.id);
      merged.push(account);
    }
  }
  return merged;
}

/** Read from the counter the commands keep, not a scan of the table (docs/performance.md). */
export async function countAccounts(db: AppDatabase): Promise<number> {
  return (await db.counters.get('accounts'))?.value ?? 0;
}

/** Counters by key prefix, e.g. 'subscriptions:status:' → { active: 120, … }. */
export async function countersByPrefix(db: AppDatabase, prefix: string): Promise<Record<string, number>> {
  const rows = await db.counters.where('key').startsWith(prefix).toArray();
  return Object.fromEntries(rows.map((row) => [row.key.slice(prefix.length), row.value]));
}

/**
 * The account page's data in one read-only transaction and one round of
 * parallel reads (the page waits for the slowest, not for the sum): the
 * account, its balances, its subscriptions and the catalog (a few dozen rows,
 * read whole rather than after the subscriptions name their tariffs).
 */
export async function getAccountView(db: AppDatabase, accountId: string): Promise<AccountView | undefined> {
  const [account, balances, subscriptions, tariffs, services] = await db.transaction(
    'r',
    [db.accounts, db.ledger, db.subscriptions, db.tariffs, db.services],
    () =>
      Promise.all([
        db.accounts.get(accountId),
        balancesOf(db, accountId),
        db.subscriptions.where('accountId').equals(accountId).toArray(),
        db.tariffs.toArray(),
        db.services.toArray(),
      ]),
  );
  if (!account) return undefined;
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const views: SubscriptionView[] = [];
  for (const subscription of subscriptions) {
    const tariff = tariffById.get(subscription.tariffId);
    const service = serviceById.get(subscription.serviceId);
    if (tariff && service) views.push({ ...subscription, tariff, service });
  }
  views.sort((a, b) => a.startDate.localeCompare(b.startDate));
  return { account, balances, subscriptions: views };
}

/** Newest first, through the [accountId+at] index. */
export function listLedger(db: AppDatabase, accountId: string, opts: { limit?: number } = {}): Promise<LedgerEntry[]> {
  const query = db.ledger
    .where('[accountId+at]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse();
  return (opts.limit === undefined ? query : query.limit(opts.limit)).toArray();
}

export async function listServices(db: AppDatabase): Promise<Service[]> {
  return (await db.services.toArray()).sort((a, b) => a.sortOrder - b.sortOrder);
}

export async function listTariffs(db: AppDatabase, serviceId?: string): Promise<Tariff[]> {
  const tariffs = serviceId === undefined ? await db.tariffs.toArray() : await db.tariffs.where('serviceId').equals(serviceId).toArray();
  return tariffs.sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * Every query, by the name the Store exposes it under: (db, ...args). They
 * only read; their arguments and results are plain data, so they can cross
 * the core's message boundary (core/boundary.ts) like the commands.
 */
export const QUERIES = {
  backupSettings,
  quoteTariffChange: (db: AppDatabase, input: { subscriptionId: string; tariffId: string; date: string }) =>
    planTariffChange(readerOf(db), parseInput(changeTariffInput, input)),
  quoteCancellation: (db: AppDatabase, input: { subscriptionId: string; date: string }) => planCancellation(readerOf(db), parseInput(cancelSubscriptionInput, input)),
  previewRenewals: (db: AppDatabase, date: string) => previewRenewals(db, parseInput(isoDateSchema, date)),
  lastRenewalRun: async (db: AppDatabase) => ((await db.settings.get(RENEWALS_LAST_RUN))?.value ?? null) as { date: string; at: string; actor: string } | null,
  planClose,
  /** No client yet, or only what a demo load that died left behind (a new load clears it first). */
  isEmpty: async (db: AppDatabase): Promise<boolean> => {
    const [accounts, demo] = await Promise.all([db.accounts.limit(1).count(), db.settings.get(DEMO_SETTING)]);
    return accounts === 0 || (demo?.value as { state?: string } | undefined)?.state === 'loading';
  },
  refundRegister,
  renewalsDue,
  accountNames,
  listLedgerEntries,
  ledgerTotals,
  listIncidents,
  getIncident,
  compensationsOfAccount,
  availability,
  compensationReport,
  refundsReport,
  availabilityReport,
  revenueReport,
  debtorsReport,
  dashboard,
  listTickets,
  getTicket,
  getCalendar,
  edoOfSubscription,
  listEdoAccess,
  getProviderRequisites,
  listDocuments,
  getDocument,
  previewInvoice,
  previewAct,
  previewReconciliation,
  listStaff,
  hasStaff,
  getSecuritySettings,
  listAudit,
  historyOf,
  auditActors,
  auditCommands,
  searchAccounts,
  countAccounts,
  subscriptionCounts: (db: AppDatabase) => countersByPrefix(db, 'subscriptions:status:'),
  listSubscriptions,
  listRefunds,
  subscriptionPaidShares,
  getAccountView,
  getBalances: balancesOf,
  listLedger,
  listServices,
  listTariffs,
} as const;

export type Queries = typeof QUERIES;
export type QueryName = keyof Queries;
