/** "2 days", "5 hours", "less than an hour": how long the oldest item has waited. */
export function waitingFor(
  since: string,
  now: number,
): { unit: 'day' | 'hour' | 'minute'; count: number } {
  const ms = Math.max(0, now - new Date(since).getTime());
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return { unit: 'day', count: days };
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return { unit: 'hour', count: hours };
  return { unit: 'minute', count: Math.floor(ms / 60_000) };
}
