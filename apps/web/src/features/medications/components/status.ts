import type { ParseKeys } from 'i18next';
import type { RefillRequest } from '../api';

/** A request's status in words: an approval says whether it has reached the pharmacy. */
export function statusKey(request: Pick<RefillRequest, 'status' | 'sendStatus'>): ParseKeys {
  if (request.status === 'approved') {
    if (request.sendStatus === 'waiting') return 'medications.status.approvedWaiting';
    if (request.sendStatus === 'sent') return 'medications.status.approvedSent';
  }
  return `medications.status.${request.status}`;
}

/** The medicine's everyday name when it has one. */
export function medicationName(medication: { plainName: string | null; display: string }) {
  return medication.plainName ?? medication.display;
}
