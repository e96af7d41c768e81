import { useLiveQuery } from 'dexie-react-hooks';
import { useSearchParams } from 'react-router';
import type { Store } from '../../core';
import { useStore } from '../app/services';

/** A screen's filter as the URL query holds it: read (what does not parse is "all") and written (only what narrows). */
export interface UrlFilterCodec<V> {
  filterFromParams: (params: URLSearchParams) => V;
  paramsFromFilter: (values: V) => URLSearchParams;
}

export interface UrlFilter<V> {
  values: V;
  /** Changes some fields; the URL is replaced, not pushed (Back leaves the screen, not the last choice). */
  set: (patch: Partial<V>) => void;
  /** Every filter back to "all": a clean URL. */
  reset: () => void;
}

/**
 * A list screen's filter kept in the URL query, so a filtered list survives
 * a reload, can be bookmarked and is returned to with Back.
 */
export function useUrlFilter<V>(codec: UrlFilterCodec<V>): UrlFilter<V> {
  const [params, setParams] = useSearchParams();
  const values = codec.filterFromParams(params);
  return {
    values,
    set: (patch) => setParams(codec.paramsFromFilter({ ...values, ...patch }), { replace: true }),
    reset: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

export interface UrlFilteredListCodec<V, F> extends UrlFilterCodec<V> {
  /** The store's filter for these values. */
  storeFilter: (values: V) => F;
}

/**
 * The URL filter (useUrlFilter) and the live list it selects, read with
 * `read(store, filter)`. Each answer carries the filter it was read for:
 * rows of the previous filter never show under a new one (`list` is
 * undefined until this filter's answer is in).
 */
export function useUrlFilteredList<V, F, L>(codec: UrlFilteredListCodec<V, F>, read: (store: Store, filter: F) => Promise<L>): UrlFilter<V> & { list: L | undefined } {
  const store = useStore();
  const filter = useUrlFilter(codec);
  const storeFilter = codec.storeFilter(filter.values);
  const filterKey = JSON.stringify(storeFilter);
  // `filterKey` stands for the filter's content; `read` is the screen's one way of reading it.
  const answer = useLiveQuery(async () => ({ key: filterKey, list: await read(store, storeFilter) }), [store, filterKey]);
  return { ...filter, list: answer?.key === filterKey ? answer.list : undefined };
}
