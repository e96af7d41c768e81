import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommandError, tariffPriceOn, type Store } from '../../core';
import { accountInput, freshStore, opId } from './helpers';

type Step =
  | { type: 'pay'; amount: number }
  | { type: 'bonus'; amount: number }
  | { type: 'subscribe'; tariff: number }
  | { type: 'renew'; which: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({ type: fc.constant('bonus' as const), amount: fc.integer({ min: 1, max: 600_000 }) }),
  fc.record({ type: fc.constant('subscribe' as const), tariff: fc.nat() }),
  fc.record({ type: fc.constant('renew' as const), which: fc.nat() }),
);

async function ledgerSums(store: Store, accountId: string) {
  const sums = { money: 0, bonus: 0 };
  for (const entry of await store.db.ledger.toArray()) if (entry.accountId === accountId) sums[entry.bucket] += entry.amount;
  return sums;
}

describe('balances are derived from the ledger', () => {
  it('match a model of payments, bonuses and bonus-first charges, over random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const store = await freshStore('2026-06-30T12:00:00+05:00');
        const tariffs = (await store.listTariffs()).filter((t) => t.billingMonths === 1);
        const account = await store.createAccount({ ...accountInput(), opId: opId() });
        const model = { money: 0, bonus: 0 };
        const active: { id: string; price: (start: string) => number; end: string }[] = [];

        const charge = (price: number) => {
          const fromBonus = Math.min(model.bonus, price);
          model.bonus -= fromBonus;
          model.money -= price - fromBonus;
        };
        const attempt = async (price: number, run: () => Promise<{ currentPeriod: { end: string } | null }>) => {
          const affordable = price <= model.money + model.bonus;
          try {
            const result = await run();
            expect(affordable).toBe(true);
            charge(price);
            return result;
          } catch (error) {
            if (!isCommandError(error)) throw error;
            expect(affordable).toBe(false);
            expect(error).toMatchObject({ code: 'errors:balance.insufficient', params: { required: price, available: model.money + model.bonus } });
            return undefined;
          }
        };

        for (const s of steps) {
          if (s.type === 'pay') {
            await store.recordPayment({ accountId: account.id, amount: s.amount, date: '2026-06-01', method: 'card', opId: opId() });
            model.money += s.amount;
          } else if (s.type === 'bonus') {
            await store.db.ledger.add({
              id: crypto.randomUUID(), accountId: account.id, bucket: 'bonus', amount: s.amount, kind: 'compensation',
              operationId: opId(), actor: 'tester', at: '2026-06-01T05:00:00.000Z', businessDate: '2026-06-01',
            });
            model.bonus += s.amount;
          } else if (s.type === 'subscribe') {
            const tariff = tariffs[s.tariff % tariffs.length]!;
            const sub = await store.createSubscription({ accountId: account.id, tariffId: tariff.id, startDate: '2026-01-31', opId: opId() });
            const result = await attempt(tariffPriceOn(tariff, '2026-01-31')!, () => store.activateSubscription({ subscriptionId: sub.id, opId: opId() }));
            if (result) active.push({ id: sub.id, price: (start) => tariffPriceOn(tariff, start)!, end: result.currentPeriod!.end });
          } else if (active.length > 0) {
            const sub = active[s.which % active.length]!;
            const result = await attempt(sub.price(sub.end), () => store.renewSubscription({ subscriptionId: sub.id, opId: opId() }));
            if (result) sub.end = result.currentPeriod!.end;
          }
          const balances = await store.getBalances(account.id);
          expect(balances).toEqual(model);
          expect(balances).toEqual(await ledgerSums(store, account.id));
          expect(balances.money).toBeGreaterThanOrEqual(0);
          expect(balances.bonus).toBeGreaterThanOrEqual(0);
        }
        store.db.close();
      }),
      { numRuns: 25 },
    );
  });
});
