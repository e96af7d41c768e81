import { CAUSES, type Cause } from '../../../shared/billing';

export type IncidentStatusFilter = 'open' | 'closed';

/** The incidents screen's filter as the URL query holds it ('' is "all"). */
export interface IncidentFilterValues {
  serviceId: string;
  /** 'YYYY-MM' in business time: incidents that began in that month. */
  month: string;
  cause: Cause | '';
  status: IncidentStatusFilter | '';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PARAMS = { serviceId: 'service', month: 'month', cause: 'cause', status: 'status' } as const;

/**
 * The filter from the hash route's query (`#/incidents?service=…&month=2026-03&cause=planned&status=open`):
 * what does not parse is "all", so a hand-edited or stale link still opens.
 */
export function filterFromParams(params: URLSearchParams): IncidentFilterValues {
  const cause = params.get(PARAMS.cause) ?? '';
  const status = params.get(PARAMS.status) ?? '';
  const month = params.get(PARAMS.month) ?? '';
  return {
    serviceId: params.get(PARAMS.serviceId) ?? '',
    month: MONTH.test(month) ? month : '',
    cause: (CAUSES as readonly string[]).includes(cause) ? (cause as Cause) : '',
    status: status === 'open' || status === 'closed' ? status : '',
  };
}

/** Only the fields that narrow the list, so "all" leaves a clean URL. */
export function paramsFromFilter(values: IncidentFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof IncidentFilterValues, string][]) {
    if (values[field] !== '') params.set(name, values[field]);
  }
  return params;
}

/** The store's filter (listIncidents). */
export function storeFilter(values: IncidentFilterValues) {
  return {
    ...(values.serviceId === '' ? {} : { serviceId: values.serviceId }),
    ...(values.month === '' ? {} : { month: values.month }),
    ...(values.cause === '' ? {} : { cause: values.cause }),
    ...(values.status === '' ? {} : { status: values.status }),
  };
}

export function isFiltered(values: IncidentFilterValues): boolean {
  return values.serviceId !== '' || values.month !== '' || values.cause !== '' || values.status !== '';
}
