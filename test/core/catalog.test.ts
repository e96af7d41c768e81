import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, SERVICE_CODES } from '../../shared/billing';
import { createStore } from '../../core';
import { seedCatalog } from '../../core/catalog';
import { freshDatabase } from './helpers';

describe('ensureCatalog', () => {
  it('seeds the five services with 3–4 tariffs each and the default policies', async () => {
    const store = createStore(freshDatabase());
    expect(await store.isEmpty()).toBe(true);
    await store.ensureCatalog();
    const services = await store.listServices();
    expect(services.map((s) => s.code)).toEqual(['onebuh', 'cloud1c', 'site_builder', 'uchet_edo', 'prosto']);
    expect(new Set(services.map((s) => s.code))).toEqual(new Set(SERVICE_CODES));
    for (const service of services) {
      expect(service.policy).toEqual(DEFAULT_POLICIES[service.code]);
      expect(service.name.kk).not.toBe('');
      expect(service.name.ru).not.toBe('');
      const tariffs = await store.listTariffs(service.id);
      expect(tariffs.length).toBeGreaterThanOrEqual(3);
      expect(tariffs.length).toBeLessThanOrEqual(4);
      for (const tariff of tariffs) {
        expect(tariff.billingMonths).toBe(service.policy.billingMonths);
        for (const p of tariff.prices) expect(Number.isSafeInteger(p.price) && p.price > 0).toBe(true);
      }
    }
    const server = (await store.listTariffs()).find((t) => t.id === 'tar-cloud1c-m');
    expect(server?.prices.at(-1)).toEqual({ from: '2026-01-01', price: 1_500_000 }); // 15 000 ₸ a month
  });

  it('is idempotent: a second start writes nothing', async () => {
    const store = createStore(freshDatabase());
    await store.ensureCatalog();
    const counts = async () => [await store.db.services.count(), await store.db.tariffs.count(), await store.db.audit.count(), await store.db.outbox.count()];
    const after = await counts();
    await store.ensureCatalog();
    await store.ensureCatalog();
    expect(await counts()).toEqual(after);
    expect(after[1]).toBe(seedCatalog().tariffs.length);
  });

  it('leaves a service edited by staff alone and only adds what is missing', async () => {
    const store = createStore(freshDatabase());
    await store.ensureCatalog();
    await store.db.services.update('svc-onebuh', { name: { kk: 'Өзгертілген', ru: 'Изменено' } });
    await store.db.tariffs.where('serviceId').equals('svc-prosto').delete();
    await store.db.services.delete('svc-prosto');
    await store.db.operations.clear();
    await store.ensureCatalog();
    expect((await store.db.services.get('svc-onebuh'))?.name.ru).toBe('Изменено');
    expect(await store.listTariffs('svc-prosto')).toHaveLength(3);
  });
});
