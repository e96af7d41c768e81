import { describe, expect, it } from 'vitest';
import { DEMO_REQUISITES } from '../../core/demo/generate';
import { accountInput, commandErrorOf, freshStore, opId, type TestStore } from './helpers';

/**
 * Documents (issue 10), as worked examples: the clock pinned and moved
 * between steps. A client of ONEbuh "Стандарт" (12 000 ₸ a month) from
 * 15 December 2025, renewed on 15 January 2026: one charge under the 12 %
 * VAT of 2025 and one under the 16 % of 2026.
 */

/** A line's words: the service, then the tariff, in both languages. */
const STANDARD = { kk: 'ONEbuh — бұлттағы бухгалтерия: Стандарт', ru: 'ONEbuh — бухгалтерия в облаке: Стандарт' };

async function clientWithTwoCharges() {
  const store = await freshStore('2025-12-10T10:00:00+05:00');
  await store.saveProviderRequisites({ ...DEMO_REQUISITES, opId: opId() });
  const account = await store.createAccount({ ...accountInput(), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: 5_000_000, date: '2025-12-10', method: 'bank_transfer', reference: 'п/п 17', opId: opId() });
  store.setNow('2025-12-15T09:00:00+05:00');
  const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-onebuh-standard', startDate: '2025-12-15', autoRenew: true, opId: opId() });
  await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  store.setNow('2026-01-15T09:00:00+05:00');
  await store.runRenewals({ date: '2026-01-15', opId: opId() });
  return { store, account, sub };
}

describe('numbering: each series counts 1, 2, 3 … within the year of the issue date, without gaps', () => {
  it('invoices and acts number separately; two issued at the same moment get consecutive numbers', async () => {
    const { store, account } = await clientWithTwoCharges();
    const first = await store.issueInvoice({ accountId: account.id, amount: 1_000_000, description: { kk: 'Кеңес беру', ru: 'Консультация' }, opId: opId() });
    expect(first).toMatchObject({ kind: 'invoice', series: 'INV', year: 2026, number: 1, displayNumber: 'INV-2026-00001', issuedOn: '2026-01-15', issuedBy: 'tester', language: 'kk', correctsId: null });

    const [a, b, act] = await Promise.all([
      store.issueInvoice({ accountId: account.id, amount: 200_000, description: { kk: 'А', ru: 'А' }, opId: opId() }),
      store.issueInvoice({ accountId: account.id, amount: 300_000, description: { kk: 'Б', ru: 'Б' }, opId: opId() }),
      store.issueAct({ accountId: account.id, from: '2026-01-01', to: '2026-01-15', opId: opId() }),
    ]);
    expect([a.number, b.number].sort()).toEqual([2, 3]);
    expect(act.displayNumber).toBe('AVR-2026-00001');
    const numbers = (await store.db.documents.where('[series+year+number]').between(['INV', 2026, 0], ['INV', 2026, Infinity]).toArray()).map((d) => d.number);
    expect(numbers).toEqual([1, 2, 3]);

    store.setNow('2027-01-04T09:00:00+05:00');
    const nextYear = await store.issueInvoice({ accountId: account.id, amount: 100, description: { kk: 'В', ru: 'В' }, opId: opId() });
    expect(nextYear.displayNumber).toBe('INV-2027-00001');
  });

  it('a refused document takes no number, and a repeated operation returns the first document', async () => {
    const { store, account } = await clientWithTwoCharges();
    const refused = await commandErrorOf(store.issueAct({ accountId: account.id, from: '2025-01-01', to: '2025-11-30', opId: opId() }));
    expect(refused).toMatchObject({ code: 'errors:documents.nothingToAct', params: { from: '2025-01-01', to: '2025-11-30' } });
    const op = opId();
    const act = await store.issueAct({ accountId: account.id, from: '2025-12-01', to: '2025-12-31', opId: op });
    expect(act.number).toBe(1);
    expect(await store.issueAct({ accountId: account.id, from: '2025-12-01', to: '2025-12-31', opId: op })).toEqual(act);
    expect(await commandErrorOf(store.issueAct({ accountId: account.id, from: '2025-12-01', to: '2026-01-15', opId: op }))).toMatchObject({ code: 'errors:operation.conflict' });
    expect(await store.db.documents.count()).toBe(1);
  });
});

describe('the act of services rendered', () => {
  it('lists each charge of the period with VAT per rate: 12 % for December 2025, 16 % for January 2026', async () => {
    const { store, account, sub } = await clientWithTwoCharges();
    const act = await store.issueAct({ accountId: account.id, from: '2025-12-01', to: '2026-01-15', language: 'kk-ru', opId: opId() });
    expect(act.content).toEqual({
      kind: 'act',
      from: '2025-12-01',
      to: '2026-01-15',
      lines: [
        { date: '2025-12-15', description: STANDARD, period: { start: '2025-12-15', end: '2026-01-15' }, ledgerKind: 'period_charge', subscriptionId: sub.id, amount: 1_200_000, bonusPart: 0 },
        { date: '2026-01-15', description: STANDARD, period: { start: '2026-01-15', end: '2026-02-15' }, ledgerKind: 'period_charge', subscriptionId: sub.id, amount: 1_200_000, bonusPart: 0 },
      ],
      total: 2_400_000,
      bonusTotal: 0,
      // 1 200 000 × 12 / 112 = 128 571.43 → 128 571; × 16 / 116 = 165 517.24 → 165 517
      vat: [
        { rate: 12, base: 1_200_000, vat: 128_571 },
        { rate: 16, base: 1_200_000, vat: 165_517 },
      ],
    });
    expect(act.language).toBe('kk-ru');
    expect(act.client).toMatchObject({ accountId: account.id, name: account.name, iinBin: account.iinBin });
    expect(act.provider).toEqual(DEMO_REQUISITES);
  });

  it('refuses a period that ends after today or starts after it ends', async () => {
    const { store, account } = await clientWithTwoCharges();
    expect(await commandErrorOf(store.issueAct({ accountId: account.id, from: '2026-01-01', to: '2026-01-16', opId: opId() }))).toMatchObject({ code: 'errors:date.future', field: 'to' });
    expect(await commandErrorOf(store.issueAct({ accountId: account.id, from: '2026-01-10', to: '2026-01-01', opId: opId() }))).toMatchObject({ code: 'errors:documents.rangeInvalid', field: 'to' });
  });
});

describe('the reconciliation act', () => {
  it('opens with the balance before the range, lists every money movement and closes with the ledger balance', async () => {
    const { store, account } = await clientWithTwoCharges();
    // Recorded today, dated before the range: it belongs to the opening balance.
    await store.recordPayment({ accountId: account.id, amount: 700_000, date: '2025-12-20', method: 'kaspi', opId: opId() });
    const act = await store.issueReconciliationAct({ accountId: account.id, from: '2026-01-01', to: '2026-01-15', opId: opId() });
    expect(act.content).toMatchObject({
      kind: 'reconciliation',
      // 5 000 000 paid − 1 200 000 charged + 700 000 paid on 20 December
      opening: 4_500_000,
      rows: [{ date: '2026-01-15', ledgerKind: 'period_charge', debit: 1_200_000, credit: 0, reference: null, period: { start: '2026-01-15', end: '2026-02-15' } }],
      debitTotal: 1_200_000,
      creditTotal: 0,
      closing: 3_300_000,
    });
    expect((await store.getBalances(account.id)).money).toBe(3_300_000);

    const december = await store.issueReconciliationAct({ accountId: account.id, from: '2025-12-01', to: '2025-12-31', opId: opId() });
    expect(december.content).toMatchObject({
      opening: 0,
      rows: [
        { date: '2025-12-10', ledgerKind: 'payment', debit: 0, credit: 5_000_000, reference: 'п/п 17' },
        { date: '2025-12-15', ledgerKind: 'period_charge', debit: 1_200_000, credit: 0 },
        { date: '2025-12-20', ledgerKind: 'payment', debit: 0, credit: 700_000 },
      ],
      closing: 4_500_000,
    });
    expect(december.number).toBe(2);
  });
});

describe('invoices', () => {
  it('bills the next period at the price of the tariff the renewal will charge (a scheduled downgrade), payable in 5 days', async () => {
    const { store, account, sub } = await clientWithTwoCharges();
    store.setNow('2026-01-20T09:00:00+05:00');
    await store.changeTariff({ subscriptionId: sub.id, tariffId: 'tar-onebuh-start', date: '2026-01-20', opId: opId() });
    const invoice = await store.issueInvoice({ accountId: account.id, subscriptionId: sub.id, language: 'ru', opId: opId() });
    expect(invoice.content).toEqual({
      kind: 'invoice',
      payableBy: '2026-01-25',
      knp: '859',
      subscriptionId: sub.id,
      lines: [{ description: { kk: 'ONEbuh — бұлттағы бухгалтерия: Бастау', ru: 'ONEbuh — бухгалтерия в облаке: Старт' }, period: { start: '2026-02-15', end: '2026-03-15' }, quantity: 1, price: 600_000, amount: 600_000 }],
      total: 600_000,
      // 600 000 × 16 / 116 = 82 758.62 → 82 759
      vat: [{ rate: 16, base: 600_000, vat: 82_759 }],
    });
  });

  it('asks for a subscription or an amount with its purpose; refuses another client\'s subscription', async () => {
    const { store, account, sub } = await clientWithTwoCharges();
    expect(await commandErrorOf(store.issueInvoice({ accountId: account.id, opId: opId() }))).toMatchObject({ code: 'errors:documents.modeRequired' });
    expect(await commandErrorOf(store.issueInvoice({ accountId: account.id, amount: 100, opId: opId() }))).toMatchObject({ code: 'errors:documents.modeRequired', field: 'description' });
    const other = await store.createAccount({ ...accountInput({ iinBin: '180240012342', name: 'ТОО «Басқа»' }), opId: opId() });
    expect(await commandErrorOf(store.issueInvoice({ accountId: other.id, subscriptionId: sub.id, opId: opId() }))).toMatchObject({ code: 'errors:documents.subscriptionOfOtherAccount' });
  });

  it('the preview is what the command issues, without a number and without writing', async () => {
    const { store, account, sub } = await clientWithTwoCharges();
    const preview = await store.previewInvoice({ accountId: account.id, subscriptionId: sub.id }, '2026-01-15');
    const issued = await store.issueInvoice({ accountId: account.id, subscriptionId: sub.id, opId: opId() });
    expect(preview).toEqual({ client: issued.client, content: issued.content });
  });
});

describe('corrections and the register', () => {
  it('a manager corrects an invoice with a new one that names it; the old one stays; only the latest can be corrected', async () => {
    const { store, account } = await clientWithTwoCharges();
    const wrong = await store.issueInvoice({ accountId: account.id, amount: 1_000_000, description: { kk: 'Кеңес', ru: 'Консультация' }, opId: opId() });
    const right = await store.correctDocument({ documentId: wrong.id, amount: 1_100_000, description: { kk: 'Кеңес', ru: 'Консультация' }, opId: opId() });
    expect(right).toMatchObject({ kind: 'invoice', number: 2, correctsId: wrong.id, correctsNumber: 'INV-2026-00001', accountId: account.id, content: { total: 1_100_000 } });
    expect(await store.getDocument(wrong.id)).toEqual({ ...wrong, correctedBy: { id: right.id, displayNumber: 'INV-2026-00002' } });
    expect(await commandErrorOf(store.correctDocument({ documentId: wrong.id, amount: 1, description: { kk: 'x', ru: 'x' }, opId: opId() }))).toMatchObject({
      code: 'errors:documents.alreadyCorrected',
      params: { number: 'INV-2026-00002' },
    });
    const list = await store.listDocuments({ accountId: account.id });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => [r.displayNumber, r.correctsId, r.total])).toEqual([
      ['INV-2026-00002', wrong.id, 1_100_000],
      ['INV-2026-00001', null, 1_000_000],
    ]);
  });

  it('operators issue but cannot correct; nothing is issued before the requisites are saved', async () => {
    const store: TestStore = await freshStore('2026-01-15T10:00:00+05:00', 'operator');
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    expect(await commandErrorOf(store.issueInvoice({ accountId: account.id, amount: 100, description: { kk: 'x', ru: 'x' }, opId: opId() }))).toMatchObject({ code: 'errors:documents.requisitesMissing' });
    expect(await commandErrorOf(store.saveProviderRequisites({ ...DEMO_REQUISITES, opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden' });
    expect(await commandErrorOf(store.correctDocument({ documentId: 'x', opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden' });
    expect(await store.db.counters.where('key').startsWith('documents:').count()).toBe(0);
  });
});

describe('provider requisites', () => {
  it('are kept cleaned (IBAN without spaces, upper case) and refused field by field with the rule', async () => {
    const store = await freshStore('2026-01-15T10:00:00+05:00');
    const saved = await store.saveProviderRequisites({ ...DEMO_REQUISITES, iban: 'kz56 6010 0020 0001 2345', bik: ' hsbkkzkx ', opId: opId() });
    expect(saved).toMatchObject({ iban: 'KZ566010002000012345', bik: 'HSBKKZKX' });
    expect(await store.getProviderRequisites()).toEqual(saved);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ iban: 'KZ576010002000012345' }, 'iban', 'errors:requisites.ibanInvalid'],
      [{ bin: '180240012343' }, 'bin', 'errors:requisites.binInvalid'],
      [{ bin: '900101300011' }, 'bin', 'errors:requisites.binInvalid'],
      [{ bik: 'HSBKRUKX' }, 'bik', 'errors:requisites.bikInvalid'],
      [{ kbe: '31' }, 'kbe', 'errors:requisites.kbeInvalid'],
      [{ knp: '85' }, 'knp', 'errors:requisites.knpInvalid'],
      [{ logo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'logo', 'errors:requisites.logoInvalid'],
      [{ logo: `data:image/png;base64,${'A'.repeat(420_000)}` }, 'logo', 'errors:requisites.logoInvalid'],
    ];
    for (const [change, field, code] of cases) {
      expect(await commandErrorOf(store.saveProviderRequisites({ ...DEMO_REQUISITES, ...change, opId: opId() })), field).toMatchObject({ code, field });
    }
  });

  it('an issued document keeps the requisites it was issued with', async () => {
    const { store, account } = await clientWithTwoCharges();
    const before = await store.issueInvoice({ accountId: account.id, amount: 100, description: { kk: 'x', ru: 'x' }, opId: opId() });
    await store.saveProviderRequisites({ ...DEMO_REQUISITES, director: 'Жаңа Директор', opId: opId() });
    expect((await store.getDocument(before.id))?.provider.director).toBe(DEMO_REQUISITES.director);
  });
});
