import { isApiError } from '@portal/api-client';

/** What an action on an appointment came to, to be said in words where the person looks. */
export type ActionResult =
  { tone: 'success' | 'warning'; text: string } | { tone: 'error'; error: unknown };

/** The API refused because someone else changed the appointment after it was loaded. */
export function isChangedMeanwhile(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'appointment_changed';
}

/** The chosen time was taken by someone else a moment ago. */
export function isSlotTaken(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'slot_taken';
}
