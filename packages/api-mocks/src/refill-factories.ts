import type { JsonResponse } from '@portal/api-client';
import { nextId } from './factories';

/*
 * Prescription refill answers both apps' tests build from: each a plausible answer of the
 * API, typed by its OpenAPI document, with what a test cares about given as overrides.
 */

type PharmacyView = JsonResponse<'listPharmacies', 200>['items'][number];
type RefillRequestView = JsonResponse<'getPatientRefillRequest', 200>;
type RefillHistoryEntryView = RefillRequestView['history'][number];
type RefillStatus = RefillRequestView['status'];

const STATUS_WORDS: Record<RefillStatus, string> = {
  requested: 'Requested',
  in_review: 'In review',
  approved: 'Approved',
  denied: 'Not approved',
  needs_appointment: 'Appointment needed',
  cancelled: 'Cancelled',
};

/** A pharmacy of the clinic's directory. */
export function pharmacyFactory(overrides: Partial<PharmacyView> = {}): PharmacyView {
  return {
    id: nextId(),
    ncpdpId: '1234567',
    name: 'Main Street Pharmacy',
    addressLine: '12 Main Street',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    phone: '+1 555 010 3000',
    ...overrides,
  };
}

/** One step of a request's timeline: by default, the patient asking. */
export function refillHistoryEntryFactory(
  overrides: Partial<RefillHistoryEntryView> = {},
): RefillHistoryEntryView {
  return {
    id: nextId(),
    at: new Date().toISOString(),
    event: 'status',
    fromStatus: null,
    toStatus: 'requested',
    byKind: 'patient',
    byName: null,
    reason: null,
    ...overrides,
  };
}

/**
 * One refill request as the patient reads it: requested a day ago, at a pharmacy, with its
 * timeline (the request itself) unless given.
 */
export function refillRequestFactory(
  overrides: Partial<RefillRequestView> = {},
): RefillRequestView {
  const status = overrides.status ?? 'requested';
  const requestedAt = overrides.requestedAt ?? new Date(Date.now() - 86_400_000).toISOString();
  return {
    id: nextId(),
    patientId: nextId(),
    medicationId: nextId(),
    medicationName: 'lisinopril 10 MG Oral Tablet',
    kind: 'refill',
    status,
    statusText: STATUS_WORDS[status],
    version: 1,
    pharmacy: pharmacyFactory(),
    prescriber: 'Dr. Priya Shah',
    note: null,
    requestedAt,
    decidedAt: null,
    denialReasonCode: null,
    decisionReason: null,
    approvedQuantity: null,
    approvedRefills: null,
    sendStatus: null,
    sentAt: null,
    history: [refillHistoryEntryFactory({ at: requestedAt })],
    ...overrides,
  };
}
