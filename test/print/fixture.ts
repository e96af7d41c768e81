import { DEMO_REQUISITES } from '../../core/demo/generate';
import type { IssuedDocument } from '../../shared/domain';

/** An issued invoice as the store keeps it, for the print page's own tests. */
export const SAMPLE_INVOICE: IssuedDocument = {
  id: 'doc-1',
  kind: 'invoice',
  series: 'INV',
  year: 2026,
  number: 7,
  displayNumber: 'INV-2026-00007',
  accountId: 'acc-1',
  issuedOn: '2026-03-02',
  issuedAt: '2026-03-02T06:00:00.000Z',
  issuedBy: 'aigerim',
  language: 'kk',
  correctsId: null,
  correctsNumber: null,
  provider: DEMO_REQUISITES,
  client: { accountId: 'acc-1', kind: 'legal_entity', name: '«Шаһар Өңір» ЖШС', iinBin: '180240012342' },
  content: {
    kind: 'invoice',
    payableBy: '2026-03-07',
    knp: '859',
    subscriptionId: null,
    lines: [{ description: { kk: 'Кеңес беру', ru: 'Консультация' }, period: null, quantity: 1, price: 2_800_000, amount: 2_800_000 }],
    total: 2_800_000,
    vat: [{ rate: 16, base: 2_800_000, vat: 386_207 }],
  },
  operationId: 'op-1',
};
