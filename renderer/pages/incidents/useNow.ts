import { useEffect, useState } from 'react';
import { useClock } from '../../app/services';

/**
 * The app clock's "now" in epoch milliseconds, refreshed every `stepMs`:
 * running durations of open incidents and the availability of the current
 * year grow while the screen is open. Never the computer's clock directly:
 * the app clock may be pinned (tests) and the store uses the same one.
 */
export function useNow(stepMs = 30_000): number {
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now().getTime());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clock.now().getTime()), stepMs);
    return () => window.clearInterval(timer);
  }, [clock, stepMs]);
  return now;
}
