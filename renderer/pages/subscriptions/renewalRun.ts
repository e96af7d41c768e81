import { useIsMutating, useMutation, useMutationState } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { newId, type Store } from '../../../core';
import { useStore } from '../../app/services';

export type RenewalTotals = Awaited<ReturnType<Store['runRenewals']>>;

export interface RenewalRunVars {
  date: string;
  /** Kept for a resume: the same operation id skips the chunks already committed. */
  opId: string;
}

export interface RenewalRunResult {
  date: string;
  totals: RenewalTotals;
}

export interface RenewalProgress {
  done: number;
  total: number;
}

const RUN_KEY = ['renewalRun'];

/**
 * The progress of the window's renewal run, outside React state: the run is
 * a react-query mutation that outlives the page (leaving and coming back
 * shows the same bar), so its progress lives beside it.
 */
let current: RenewalProgress | null = null;
const listeners = new Set<() => void>();
function setProgress(progress: RenewalProgress | null): void {
  current = progress;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const snapshot = () => current;

interface RunState {
  status: 'idle' | 'pending' | 'success' | 'error';
  data: RenewalRunResult | undefined;
  error: unknown;
  variables: RenewalRunVars | undefined;
}

/**
 * One renewal run at a time (§6 runRenewals as a chunked job): `start(date)`
 * with a new operation id, `resume()` after a failure with the same one
 * (chunks already committed are not repeated). `running`, `progress`, and
 * the latest run's outcome are shared by every component that asks.
 */
export function useRenewalRun() {
  const store = useStore();
  const { mutate } = useMutation({
    mutationKey: RUN_KEY,
    mutationFn: async (vars: RenewalRunVars): Promise<RenewalRunResult> => {
      setProgress(null);
      try {
        const totals = await store.runRenewals(vars, { onProgress: (done, total) => setProgress({ done, total }) });
        return { date: vars.date, totals };
      } finally {
        setProgress(null);
      }
    },
  });
  const running = useIsMutating({ mutationKey: RUN_KEY }) > 0;
  const states = useMutationState({
    filters: { mutationKey: RUN_KEY },
    select: (mutation): RunState => ({
      status: mutation.state.status,
      data: mutation.state.data as RenewalRunResult | undefined,
      error: mutation.state.error,
      variables: mutation.state.variables as RenewalRunVars | undefined,
    }),
  });
  const last = states.at(-1);
  const progress = useSyncExternalStore(subscribe, snapshot);

  const start = useCallback(
    (date: string) => {
      if (!running) mutate({ date, opId: newId() });
    },
    [mutate, running],
  );
  const failed = last?.status === 'error' ? last : undefined;
  const failedVars = failed?.variables;
  const resume = useCallback(() => {
    if (!running && failedVars) mutate(failedVars);
  }, [mutate, running, failedVars]);

  return {
    start,
    resume,
    running,
    progress,
    result: last?.status === 'success' ? (last.data ?? null) : null,
    error: failed ? failed.error : null,
    failedDate: failed?.variables?.date ?? null,
  };
}
