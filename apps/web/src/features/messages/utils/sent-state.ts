/**
 * What was just sent, carried in history state from the page that sent it to the
 * conversation's page, which confirms it in words. No message text travels in it.
 */
export type Sent = { kind: 'sent'; answerTime: string | null };

export interface SentState {
  sent: Sent;
}

export function sentState(sent: Sent): SentState {
  return { sent };
}

/** The confirmation in a history state, if it holds a well-formed one. */
export function readSent(state: unknown): Sent | null {
  if (typeof state !== 'object' || state === null || !('sent' in state)) return null;
  const sent = (state as { sent: unknown }).sent;
  if (typeof sent !== 'object' || sent === null) return null;
  const { kind, answerTime } = sent as { kind?: unknown; answerTime?: unknown };
  if (kind !== 'sent') return null;
  return { kind, answerTime: typeof answerTime === 'string' ? answerTime : null };
}
