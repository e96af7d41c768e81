/** The Audit section's filter as the URL query holds it ('' is "all"). */
export interface AuditFilterValues {
  /** A staff login. */
  actor: string;
  command: string;
  /** A record's id (an account chosen by its name, or an id pasted in). */
  record: string;
  /** Business dates, both included. */
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARAMS = { actor: 'who', command: 'command', record: 'record', from: 'from', to: 'to' } as const;

/**
 * The filter from the hash route's query (`#/audit?who=bolat&command=recordPayment&from=2026-03-01`):
 * what does not parse is "all", so a hand-edited or stale link still opens.
 */
export function filterFromParams(params: URLSearchParams): AuditFilterValues {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return {
    actor: params.get(PARAMS.actor)?.trim() ?? '',
    command: params.get(PARAMS.command)?.trim() ?? '',
    record: params.get(PARAMS.record)?.trim() ?? '',
    from: date(PARAMS.from),
    to: date(PARAMS.to),
  };
}

/** Only the fields that narrow the list, so "all" leaves a clean URL. */
export function paramsFromFilter(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof AuditFilterValues, string][]) {
    if (values[field] !== '') params.set(name, values[field]);
  }
  return params;
}

export function rangeInvalid(values: AuditFilterValues): boolean {
  return values.from !== '' && values.to !== '' && values.from > values.to;
}

/** The store's filter (listAudit), without paging. */
export function storeFilter(values: AuditFilterValues) {
  return {
    ...(values.actor === '' ? {} : { actor: values.actor }),
    ...(values.command === '' ? {} : { command: values.command }),
    ...(values.record === '' ? {} : { entityId: values.record }),
    ...(values.from === '' ? {} : { from: values.from }),
    ...(values.to === '' ? {} : { to: values.to }),
  };
}

export function isFiltered(values: AuditFilterValues): boolean {
  return Object.values(values).some((value) => value !== '');
}
