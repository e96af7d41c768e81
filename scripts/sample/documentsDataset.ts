import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AppDatabase, createStore, type AccountInput } from '../../core';
import { DEMO_REQUISITES } from '../../core/demo/generate';
import type { IssuedDocument } from '../../shared/domain';

/**
 * The deterministic dataset `npm run reports:sample` prints from: the real
 * store (fake IndexedDB in Node) with its clock pinned, one client walked
 * through payments, an activation, renewals and a tariff upgrade, then one
 * document of each kind. Same inputs, same documents, every run (only ids
 * differ, and no id is printed).
 */
export interface SampleDocuments {
  invoice: IssuedDocument;
  act: IssuedDocument;
  reconciliation: IssuedDocument;
}

export function sampleStore(startIso: string) {
  let now = new Date(startIso);
  const db = new AppDatabase(`sample-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const store = createStore(db, { now: () => now, actor: () => 'sample', role: () => 'admin' });
  let op = 0;
  const opId = () => `sample-${(op += 1)}`;
  return { store, opId, setNow: (iso: string) => (now = new Date(iso)) };
}

/** The demo provider with the app's icon as its logo (a PNG data URL). */
function requisitesWithLogo(logoPath: string | undefined) {
  const logo = logoPath ? `data:image/png;base64,${readFileSync(logoPath).toString('base64')}` : null;
  return { ...DEMO_REQUISITES, logo };
}

export async function buildSampleDocuments(options: { logoPath?: string } = {}): Promise<SampleDocuments> {
  const { store, opId, setNow } = sampleStore('2026-01-05T10:00:00+05:00');
  await store.ensureCatalog();
  await store.saveProviderRequisites({ ...requisitesWithLogo(options.logoPath), opId: opId() });
  // Every Kazakh letter (ә ғ қ ң ө ұ ү һ і) appears in the client's own details.
  const client: AccountInput = {
    kind: 'legal_entity',
    name: '«Шаһар Өңір Ғылым Құрылыс» ЖШС',
    iinBin: '180240012342',
    responsiblePerson: 'Әлібекова Үміт Нұрланқызы',
    email: 'buh@shahar-onir.kz',
    phone: '+7 701 555 12 34',
    language: 'kk',
  };
  const account = await store.createAccount({ ...client, opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: 5_000_000, date: '2026-01-05', method: 'bank_transfer', reference: '№ 112', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-01-05', autoRenew: true, opId: opId() });
  await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  setNow('2026-02-05T10:00:00+05:00');
  await store.recordPayment({ accountId: account.id, amount: 1_500_000, date: '2026-02-04', method: 'kaspi', opId: opId() });
  await store.runRenewals({ date: '2026-02-05', opId: opId() });
  setNow('2026-02-20T10:00:00+05:00');
  await store.changeTariff({ subscriptionId: sub.id, tariffId: 'tar-cloud1c-l', date: '2026-02-20', opId: opId() });
  setNow('2026-03-02T11:00:00+05:00');
  await store.recordPayment({ accountId: account.id, amount: 3_000_000, date: '2026-03-02', method: 'bank_transfer', reference: '№ 187', opId: opId() });
  await store.runRenewals({ date: '2026-03-02', opId: opId() });
  const invoice = await store.issueInvoice({ accountId: account.id, subscriptionId: sub.id, opId: opId() });
  const act = await store.issueAct({ accountId: account.id, from: '2026-01-01', to: '2026-02-28', opId: opId() });
  const reconciliation = await store.issueReconciliationAct({ accountId: account.id, from: '2026-01-01', to: '2026-03-02', opId: opId() });
  return { invoice, act, reconciliation };
}

/** A reconciliation act with `rows` movements (payments spread over 2026), for the print benchmark. */
export async function buildLargeReconciliation(rows: number): Promise<IssuedDocument> {
  const { store, opId } = sampleStore('2026-12-31T12:00:00+05:00');
  await store.ensureCatalog();
  await store.saveProviderRequisites({ ...DEMO_REQUISITES, opId: opId() });
  const client: AccountInput = { kind: 'legal_entity', name: '«Үлкен Көлем» ЖШС', iinBin: '180240012342', language: 'ru' };
  const account = await store.createAccount({ ...client, opId: opId() });
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + (i % 360))).toISOString().slice(0, 10);
    await store.recordPayment({ accountId: account.id, amount: 10_000 + i * 100 + (i % 97), date: day, method: 'bank_transfer', reference: `№ ${1000 + i}`, opId: opId() });
  }
  return store.issueReconciliationAct({ accountId: account.id, from: '2026-01-01', to: '2026-12-31', opId: opId() });
}
