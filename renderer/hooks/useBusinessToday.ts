import { useEffect, useState } from 'react';
import { businessDateOf } from '../i18n/format';

/** Today's date in business time (UTC+05:00), kept current across midnight. */
export function useBusinessToday(): string {
  const [today, setToday] = useState(() => businessDateOf(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(businessDateOf(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}
