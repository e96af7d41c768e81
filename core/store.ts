import { activateSubscription, createSubscription, renewSubscription } from './commands/subscriptions';
import { createAccount, updateAccount } from './commands/accounts';
import { recordPayment } from './commands/payments';
import type { CommandDeps } from './commands/run';
import { balancesOf } from './balances';
import { ensureCatalog } from './catalog';
import type { AppDatabase } from './db';
import { generateDemoData } from './demo/generate';
import { countAccounts, getAccountView, listLedger, listServices, listTariffs, searchAccounts } from './queries';
import type { Store, StoreContext } from './types';

export const SYSTEM_ACTOR = 'system';

/** Binds the queries and commands to one database, clock and acting user. */
export function createStore(db: AppDatabase, ctx: StoreContext = {}): Store {
  const deps: CommandDeps = { db, now: ctx.now ?? (() => new Date()), actor: ctx.actor ?? (() => SYSTEM_ACTOR) };
  return {
    db,
    ensureCatalog: () => ensureCatalog(deps),
    isEmpty: async () => (await db.accounts.count()) === 0,
    generateDemoData: async (opts = {}) => {
      await ensureCatalog(deps);
      return generateDemoData(db, { ...opts, today: deps.now() });
    },
    searchAccounts: (query, opts) => searchAccounts(db, query, opts),
    countAccounts: () => countAccounts(db),
    getAccountView: (accountId) => getAccountView(db, accountId),
    getBalances: (accountId) => balancesOf(db, accountId),
    listLedger: (accountId, opts) => listLedger(db, accountId, opts),
    listServices: () => listServices(db),
    listTariffs: (serviceId) => listTariffs(db, serviceId),
    createAccount: (input) => createAccount(deps, input),
    updateAccount: (input) => updateAccount(deps, input),
    recordPayment: (input) => recordPayment(deps, input),
    createSubscription: (input) => createSubscription(deps, input),
    activateSubscription: (input) => activateSubscription(deps, input),
    renewSubscription: (input) => renewSubscription(deps, input),
  };
}
