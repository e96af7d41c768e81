import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain';

/**
 * The Documents section's filter as the URL query holds it ('' is "all"):
 * `#/documents?kind=act&from=2026-01-01&to=2026-01-31`. What does not parse
 * is "all", so a stale link still opens.
 */
export interface DocumentFilterValues {
  kind: DocumentKind | '';
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: URLSearchParams): DocumentFilterValues {
  const kind = params.get('kind') ?? '';
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return { kind: (DOCUMENT_KINDS as readonly string[]).includes(kind) ? (kind as DocumentKind) : '', from: date('from'), to: date('to') };
}

export function paramsFromFilter(values: DocumentFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['kind', 'from', 'to'] as const) if (values[name] !== '') params.set(name, values[name]);
  return params;
}

export const rangeInvalid = (values: DocumentFilterValues) => values.from !== '' && values.to !== '' && values.from > values.to;

/** The store's filter (listDocuments), `limit` rows. */
export function storeFilter(values: DocumentFilterValues, limit: number) {
  return {
    limit,
    ...(values.kind === '' ? {} : { kind: values.kind }),
    ...(values.from === '' ? {} : { from: values.from }),
    ...(values.to === '' ? {} : { to: values.to }),
  };
}
