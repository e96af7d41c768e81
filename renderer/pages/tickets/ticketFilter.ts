import { TICKET_STATUSES, type TicketStatus } from '../../../shared/domain';

/**
 * The Tickets screen's filter as the URL query holds it ('' is "all"):
 * `#/tickets?service=…&level=high&status=open&assignee=aigerim`. A value
 * that does not parse is "all", so a hand-edited or stale link still opens.
 */
export interface TicketFilterValues {
  serviceId: string;
  level: string;
  status: TicketStatus | '';
  /** A staff login, UNASSIGNED for tickets nobody has taken, '' for everyone's. */
  assignee: string;
}

/** Not a login (logins start with a letter or a digit): the tickets nobody has taken. */
export const UNASSIGNED = '_none';

const PARAMS = { serviceId: 'service', level: 'level', status: 'status', assignee: 'assignee' } as const;
const LEVEL = /^[a-z0-9_]{1,50}$/;
const ASSIGNEE = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function filterFromParams(params: URLSearchParams): TicketFilterValues {
  const status = params.get(PARAMS.status) ?? '';
  const level = params.get(PARAMS.level) ?? '';
  const assignee = params.get(PARAMS.assignee) ?? '';
  return {
    serviceId: params.get(PARAMS.serviceId) ?? '',
    level: LEVEL.test(level) ? level : '',
    status: (TICKET_STATUSES as readonly string[]).includes(status) ? (status as TicketStatus) : '',
    assignee: assignee === UNASSIGNED || ASSIGNEE.test(assignee) ? assignee : '',
  };
}

/** Only the fields that narrow the list, so "all" leaves a clean URL. */
export function paramsFromFilter(values: TicketFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof TicketFilterValues, string][]) {
    if (values[field] !== '') params.set(name, values[field]);
  }
  return params;
}

/** The store's filter (listTickets): UNASSIGNED is `assignee: null`. */
export function storeFilter(values: TicketFilterValues) {
  return {
    ...(values.serviceId === '' ? {} : { serviceId: values.serviceId }),
    ...(values.level === '' ? {} : { level: values.level }),
    ...(values.status === '' ? {} : { status: values.status }),
    ...(values.assignee === '' ? {} : { assignee: values.assignee === UNASSIGNED ? null : values.assignee }),
  };
}

export function isFiltered(values: TicketFilterValues): boolean {
  return values.serviceId !== '' || values.level !== '' || values.status !== '' || values.assignee !== '';
}
