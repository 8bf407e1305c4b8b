import type { JsonResponse } from '@portal/api-client';
import { nextId, problemFactory } from './factories';

/*
 * The staff side of prescription refills: answers of the refill queue, one request with its
 * timeline, bulk approval and the turnaround report, typed by the OpenAPI document, with what
 * a test cares about given as overrides.
 */

export type RefillQueueItemView = JsonResponse<'listRefillQueue', 200>['items'][number];
export type RefillRequestDetailView = JsonResponse<'getRefillRequest', 200>;
export type RefillHistoryEntryView = RefillRequestDetailView['history'][number];
export type RefillPharmacyView = RefillRequestDetailView['pharmacy'];
export type RefillTurnaroundView = JsonResponse<'getRefillTurnaround', 200>;
type RefillStatusValue = RefillRequestDetailView['status'];

const STATUS_TEXT: Record<RefillStatusValue, string> = {
  requested: 'Requested',
  in_review: 'In review',
  approved: 'Approved',
  denied: 'Not approved',
  needs_appointment: 'Appointment needed',
  cancelled: 'Cancelled',
};

const HOUR = 3_600_000;

export function refillPharmacyFactory(
  overrides: Partial<RefillPharmacyView> = {},
): RefillPharmacyView {
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

/** The patient asked for it: one "requested" entry at the time of the request. */
export function staffRefillHistoryEntryFactory(
  overrides: Partial<RefillHistoryEntryView> = {},
): RefillHistoryEntryView {
  return {
    id: nextId(),
    at: new Date(Date.now() - 2 * HOUR).toISOString(),
    event: 'status',
    fromStatus: null,
    toStatus: 'requested',
    byKind: 'patient',
    byName: 'Alexandra Rivera',
    reason: null,
    ...overrides,
  };
}

/** A requested refill made two hours ago, routed to Dr. Casey Nguyen. */
export function staffRefillRequestFactory(
  overrides: Partial<RefillRequestDetailView> = {},
): RefillRequestDetailView {
  const requestedAt = overrides.requestedAt ?? new Date(Date.now() - 2 * HOUR).toISOString();
  const status = overrides.status ?? 'requested';
  return {
    id: nextId(),
    patientId: nextId(),
    medicationId: nextId(),
    medicationName: 'lisinopril 10 MG Oral Tablet',
    kind: 'refill',
    status,
    statusText: STATUS_TEXT[status],
    version: 1,
    pharmacy: refillPharmacyFactory(),
    prescriber: 'Dr. Casey Nguyen',
    note: null,
    requestedAt,
    decidedAt: null,
    denialReasonCode: null,
    decisionReason: null,
    approvedQuantity: null,
    approvedRefills: null,
    sendStatus: null,
    sentAt: null,
    history: [staffRefillHistoryEntryFactory({ at: requestedAt })],
    ...overrides,
  };
}

/** How the queue lists a request: with the patient, the medication's facts and the flag. */
export function refillQueueItemFactory(
  overrides: Partial<Omit<RefillQueueItemView, 'patient' | 'medication'>> & {
    patient?: Partial<RefillQueueItemView['patient']>;
    medication?: Partial<RefillQueueItemView['medication']>;
  } = {},
): RefillQueueItemView {
  const { patient, medication, ...request } = overrides;
  const base = staffRefillRequestFactory(request);
  return {
    ...base,
    patient: {
      id: base.patientId,
      name: 'Alexandra Rivera',
      mrn: 'MRN-100200',
      dateOfBirth: '1961-04-12',
      lastVisitAt: new Date(Date.now() - 40 * 24 * HOUR).toISOString(),
      ...patient,
    },
    medication: {
      dose: '10 mg',
      frequency: 'once a day',
      refillsRemaining: 3,
      lastFilledOn: '2026-01-05',
      startDate: '2025-06-01',
      recentRequests: [],
      ...medication,
    },
    stale: false,
    ...request,
    patientId: patient?.id ?? base.patientId,
  };
}

/** A week of requests, and one prescriber's times to decision. */
export function refillTurnaroundFactory(
  overrides: Partial<RefillTurnaroundView> = {},
): RefillTurnaroundView {
  return {
    from: '2026-02-02',
    to: '2026-02-08',
    weeks: [{ weekStart: '2026-02-02', requested: 12, decided: 10 }],
    prescribers: [{ prescriber: 'Dr. Casey Nguyen', decided: 10, medianHours: 5.2, p90Hours: 30 }],
    ...overrides,
  };
}

/** The 409 a decision gets when the request moved on (someone else decided first). */
export function refillConflictProblem(current: { status: RefillStatusValue; version: number }) {
  return problemFactory({
    status: 409,
    code: 'refill_state_conflict',
    title: 'This request has changed',
    detail: `The request is now “${STATUS_TEXT[current.status]}” (status ${current.status}, version ${current.version}); it cannot be changed that way. Load it again.`,
  });
}
