export type DurationUnit = 'day' | 'hour' | 'minute';

/** A length of time in its largest whole unit: 2 days, 5 hours, 0 minutes. */
export function inLargestUnit(ms: number): { unit: DurationUnit; count: number } {
  const size = Math.max(0, ms);
  const days = Math.floor(size / 86_400_000);
  if (days >= 1) return { unit: 'day', count: days };
  const hours = Math.floor(size / 3_600_000);
  if (hours >= 1) return { unit: 'hour', count: hours };
  return { unit: 'minute', count: Math.floor(size / 60_000) };
}

/** "2 days", "5 hours", "less than an hour": how long the oldest item has waited. */
export function waitingFor(since: string, now: number): { unit: DurationUnit; count: number } {
  return inLargestUnit(now - new Date(since).getTime());
}
