import { addDays } from '../../../shared/billing';
import type { Bucket, LedgerKind } from '../../../core';

/** The ledger screen's filter as the form holds it: '' is "all". */
export interface LedgerFilterValues {
  from: string;
  to: string;
  kind: LedgerKind | '';
  bucket: Bucket | '';
  serviceId: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar month of `today`: its first and last day. */
export function monthOf(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: `${today.slice(0, 7)}-01`, to: addDays(next, -1) };
}

export type RangeProblem = 'dateRequired' | 'rangeInvalid' | null;

export function rangeProblem(values: LedgerFilterValues): RangeProblem {
  if (!ISO_DATE.test(values.from) || !ISO_DATE.test(values.to)) return 'dateRequired';
  return values.from > values.to ? 'rangeInvalid' : null;
}

/** The store's filter: only the fields that narrow it. */
export function storeFilter(values: LedgerFilterValues) {
  return {
    from: values.from,
    to: values.to,
    ...(values.kind === '' ? {} : { kind: values.kind }),
    ...(values.bucket === '' ? {} : { bucket: values.bucket }),
    ...(values.serviceId === '' ? {} : { serviceId: values.serviceId }),
  };
}
