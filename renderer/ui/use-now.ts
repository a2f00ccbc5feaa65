import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`, for "5 minutes ago" and "in 12 days". */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
