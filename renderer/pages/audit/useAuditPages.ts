import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AuditFilter, AuditRow } from '../../../core';
import { useStore } from '../../app/services';

export interface AuditPages {
  /** Undefined while the first page of this filter is read. */
  rows: AuditRow[] | undefined;
  hasMore: boolean;
  loadMore: () => void;
}

/**
 * The audit rows of a filter, newest first, `pageSize` at a time: "load
 * more" reads the next page after the last row (listAudit's cursor). Live:
 * a command that writes an event re-reads the pages shown. Each answer
 * carries the filter it was read for, so rows of a previous filter never
 * show under a new one. `filter` null: nothing is read.
 */
export function useAuditPages(filter: Omit<AuditFilter, 'limit' | 'before'> | null, pageSize: number): AuditPages {
  const store = useStore();
  const key = JSON.stringify(filter);
  const [paging, setPaging] = useState({ key, pages: 1 });
  const pages = paging.key === key ? paging.pages : 1;
  const answer = useLiveQuery(async () => {
    if (filter === null) return null;
    const rows: AuditRow[] = [];
    let hasMore = false;
    let before: { at: string; id: string } | undefined;
    for (let page = 0; page < pages; page++) {
      const read = await store.listAudit({ ...filter, limit: pageSize, ...(before === undefined ? {} : { before }) });
      rows.push(...read.rows);
      hasMore = read.hasMore;
      const last = read.rows.at(-1);
      if (!hasMore || last === undefined) break;
      before = { at: last.at, id: last.id };
    }
    return { key, rows, hasMore };
    // `key` stands for the filter's content.
  }, [store, key, pages, pageSize]);
  const current = answer?.key === key ? answer : undefined;
  return { rows: current?.rows, hasMore: current?.hasMore ?? false, loadMore: () => setPaging({ key, pages: pages + 1 }) };
}
