/**
 * What was just sent, carried in history state from the request form to the first request's
 * page, which confirms it in words. Ids only: no medicine or note travels in it.
 */
export type Sent = { count: number; others: string[] };

export interface SentState {
  refillsSent: Sent;
}

export function sentState(sent: Sent): SentState {
  return { refillsSent: sent };
}

/** The confirmation in a history state, if it holds a well-formed one. */
export function readSent(state: unknown): Sent | null {
  if (typeof state !== 'object' || state === null || !('refillsSent' in state)) return null;
  const sent = (state as { refillsSent: unknown }).refillsSent;
  if (typeof sent !== 'object' || sent === null) return null;
  const { count, others } = sent as { count?: unknown; others?: unknown };
  if (typeof count !== 'number' || !Array.isArray(others)) return null;
  return { count, others: others.filter((id): id is string => typeof id === 'string') };
}
