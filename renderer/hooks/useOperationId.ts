import { newId } from '../../core';
import { useCallback, useRef } from 'react';

/**
 * One operation id per submit attempt: a double click, or a second submit
 * while the first is still running, reuses it so that the store treats the
 * repeat as a no-op; once the attempt settles the next submit gets a new one.
 */
export function useOperationId(): { current: () => string; settle: () => void } {
  const ref = useRef<string | null>(null);
  const current = useCallback(() => {
    ref.current ??= newId();
    return ref.current;
  }, []);
  const settle = useCallback(() => {
    ref.current = null;
  }, []);
  return { current, settle };
}
