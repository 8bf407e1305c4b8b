import { addBusinessDays } from '../messaging/messaging.service.js';

export const REFILL_STATUSES = [
  'requested',
  'in_review',
  'approved',
  'denied',
  'needs_appointment',
  'cancelled',
] as const;
export type RefillStatus = (typeof REFILL_STATUSES)[number];

/** Open requests: at most one per medication (refill_request_open_idx). */
export const OPEN_STATUSES: readonly RefillStatus[] = ['requested', 'in_review'];

export const REFILL_KINDS = ['refill', 'renewal'] as const;
export type RefillKind = (typeof REFILL_KINDS)[number];

/** The moves of a request, and who makes them. Every other move is a 409. */
export type RefillMove = 'review' | 'approve' | 'deny' | 'needs_appointment' | 'cancel';

export const MOVES: Record<RefillMove, { from: readonly RefillStatus[]; to: RefillStatus }> = {
  review: { from: ['requested'], to: 'in_review' },
  approve: { from: ['requested', 'in_review'], to: 'approved' },
  deny: { from: ['requested', 'in_review'], to: 'denied' },
  needs_appointment: { from: ['requested', 'in_review'], to: 'needs_appointment' },
  cancel: { from: ['requested', 'in_review'], to: 'cancelled' },
};

/** The reasons a refill is denied, from a list (or "other" with words of the reviewer's own). */
export const DENIAL_REASONS = {
  'no-longer-prescribed': 'This medication is no longer part of your treatment plan',
  'too-early': 'It is too early to refill this prescription',
  'needs-lab-work': 'Lab work is needed before this prescription can be refilled',
  'different-prescriber': 'Another prescriber manages this medication',
  duplicate: 'This prescription was already refilled',
  other: 'Another reason',
} as const;
export type DenialReason = keyof typeof DENIAL_REASONS;
export const DENIAL_REASON_CODES = Object.keys(DENIAL_REASONS) as DenialReason[];

/** A request nobody has touched for this many business days is flagged in the queue. */
export const STALE_BUSINESS_DAYS = 2;

export function isStale(status: RefillStatus, lastTouchedAt: Date, now: Date): boolean {
  return (
    OPEN_STATUSES.includes(status) &&
    addBusinessDays(lastTouchedAt, STALE_BUSINESS_DAYS).getTime() <= now.getTime()
  );
}

/** The kind of a new request: a renewal goes to the prescriber when no refills remain. */
export function kindFor(refillsRemaining: number | null): RefillKind {
  return refillsRemaining === 0 ? 'renewal' : 'refill';
}

/** Defaults of an approval when the reviewer gives none. */
export const DEFAULT_QUANTITY = 30;
export function defaultRefills(kind: RefillKind, refillsRemaining: number | null): number {
  // A refill uses one of the remaining ones; a renewal is a new prescription (a year of
  // monthly fills is the usual default).
  if (kind === 'renewal') return 11;
  return Math.max((refillsRemaining ?? 1) - 1, 0);
}

/** Status in words, for emails and the timeline. */
export const STATUS_WORDS: Record<RefillStatus, string> = {
  requested: 'Requested',
  in_review: 'In review',
  approved: 'Approved',
  denied: 'Not approved',
  needs_appointment: 'Appointment needed',
  cancelled: 'Cancelled',
};
