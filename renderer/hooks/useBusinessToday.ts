import { useEffect, useState } from 'react';
import { useClock } from '../app/services';

/** Today's date in business time (UTC+05:00) from the app's clock, kept current across midnight. */
export function useBusinessToday(): string {
  const clock = useClock();
  const [today, setToday] = useState(() => clock.today());
  useEffect(() => {
    const timer = window.setInterval(() => setToday(clock.today()), 60_000);
    return () => window.clearInterval(timer);
  }, [clock]);
  return today;
}
