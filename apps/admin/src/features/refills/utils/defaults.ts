import type { RefillRequest } from '../api/refills';

/**
 * What an approval sends when the reviewer changes nothing: the API's own defaults
 * (docs/decisions.md, "Defaults of an approval"), shown in the form so the reviewer sees them.
 */
export const DEFAULT_QUANTITY = 30;

export function defaultRefills(
  kind: RefillRequest['kind'],
  refillsRemaining: number | null | undefined,
): number {
  if (kind === 'renewal') return 11;
  return Math.max((refillsRemaining ?? 1) - 1, 0);
}
