import { inLargestUnit, type DurationUnit } from '../../../lib/waiting';

export interface Span {
  unit: DurationUnit;
  count: number;
}

/** A conversation's answer-time clock, from the times the API gives. */
export type AnswerClock =
  /** Nothing from the patient is waiting for an answer. */
  | { state: 'answered' }
  /** The promised answer time has passed: by how much, and how long the patient has waited. */
  | { state: 'over'; by: Span; waited: Span }
  /** Still within the promise: how long is left (soon: under four hours). */
  | { state: 'due'; left: Span; waited: Span; soon: boolean };

const SOON_MS = 4 * 3_600_000;

export function answerClock(
  item: { awaitingSince: string | null; replyDueAt: string | null },
  now: number,
): AnswerClock {
  if (!item.awaitingSince) return { state: 'answered' };
  const waited = inLargestUnit(now - new Date(item.awaitingSince).getTime());
  if (!item.replyDueAt)
    return { state: 'due', left: { unit: 'day', count: 0 }, waited, soon: false };
  const left = new Date(item.replyDueAt).getTime() - now;
  if (left < 0) return { state: 'over', by: inLargestUnit(-left), waited };
  return { state: 'due', left: inLargestUnit(left), waited, soon: left < SOON_MS };
}
