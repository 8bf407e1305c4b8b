/**
 * What just happened to an appointment, carried in history state from the page that changed
 * it to the appointment's page, which confirms it in words.
 */
export type Outcome =
  { kind: 'booked' } | { kind: 'rescheduled'; previousStartsAt: string } | { kind: 'cancelled' };

export interface OutcomeState {
  outcome: Outcome;
}

export function outcomeState(outcome: Outcome): OutcomeState {
  return { outcome };
}

/** The outcome in a history state, if it holds a well-formed one. */
export function readOutcome(state: unknown): Outcome | null {
  if (typeof state !== 'object' || state === null || !('outcome' in state)) {
    return null;
  }
  const outcome = (state as { outcome: unknown }).outcome;
  if (typeof outcome !== 'object' || outcome === null || !('kind' in outcome)) {
    return null;
  }
  const { kind } = outcome as { kind: unknown };
  if (kind === 'booked' || kind === 'cancelled') {
    return { kind };
  }
  if (kind === 'rescheduled') {
    const previous = (outcome as { previousStartsAt?: unknown }).previousStartsAt;
    return typeof previous === 'string' ? { kind, previousStartsAt: previous } : null;
  }
  return null;
}
