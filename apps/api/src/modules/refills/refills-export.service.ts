import { clean, notes, ref, type FhirResource } from '../../common/fhir.js';
import type { DenialReason, RefillKind, RefillStatus } from './refills.rules.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const NCPDP = 'http://terminology.hl7.org/NamingSystem/NCPDPProviderIdentificationNumber';

/**
 * Refill requests in the whole-record FHIR export: every request of the patient ($1), newest
 * first. The export module reads these through its snapshot: this file is the refills
 * module's public face for the record downloads.
 */
export const EXPORT_REFILLS_SQL = `
  SELECT r.id, r.medication_id, m.rxnorm_code, m.display, r.kind, r.status, r.prescriber,
         r.note, r.requested_at, r.decision_reason_code, r.decision_reason,
         r.approved_quantity, r.approved_refills, ph.name AS pharmacy_name, ph.ncpdp_id
    FROM refill_request r
    JOIN medication m ON m.id = r.medication_id AND m.status <> 'entered-in-error'
    JOIN pharmacy ph ON ph.id = r.pharmacy_id
   WHERE r.patient_id = $1
   ORDER BY r.requested_at DESC, r.id DESC`;

export interface ExportRefillRow {
  id: string;
  medication_id: string;
  rxnorm_code: string;
  display: string;
  kind: RefillKind;
  status: RefillStatus;
  prescriber: string | null;
  note: string | null;
  requested_at: Date;
  decision_reason_code: DenialReason | null;
  decision_reason: string | null;
  approved_quantity: number | null;
  approved_refills: number | null;
  pharmacy_name: string;
  ncpdp_id: string;
}

/**
 * FHIR MedicationRequest.status and intent for each state: the patient's request is a
 * proposal until it is approved, which makes it an order.
 */
export const FHIR_REFILL: Record<RefillStatus, { status: string; intent: 'proposal' | 'order' }> = {
  requested: { status: 'active', intent: 'proposal' },
  in_review: { status: 'active', intent: 'proposal' },
  approved: { status: 'completed', intent: 'order' },
  denied: { status: 'cancelled', intent: 'proposal' },
  needs_appointment: { status: 'on-hold', intent: 'proposal' },
  cancelled: { status: 'cancelled', intent: 'proposal' },
};

/** A refill request as a FHIR R4 MedicationRequest, pointing at the prescription it refills. */
export function refillRequestResource(row: ExportRefillRow, patientId: string): FhirResource {
  const { status, intent } = FHIR_REFILL[row.status];
  return clean({
    resourceType: 'MedicationRequest',
    id: row.id,
    status,
    statusReason: row.decision_reason ? { text: row.decision_reason } : undefined,
    intent,
    category: [{ text: row.kind === 'renewal' ? 'Prescription renewal' : 'Prescription refill' }],
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: row.rxnorm_code, display: row.display }],
      text: row.display,
    },
    subject: ref(patientId),
    authoredOn: row.requested_at.toISOString(),
    requester: ref(patientId),
    performer: row.prescriber ? { display: row.prescriber } : undefined,
    priorPrescription: ref(row.medication_id),
    dispenseRequest: clean({
      numberOfRepeatsAllowed: row.approved_refills ?? undefined,
      quantity: row.approved_quantity === null ? undefined : { value: row.approved_quantity },
      performer: {
        identifier: { system: NCPDP, value: row.ncpdp_id },
        display: row.pharmacy_name,
      },
    }),
    note: notes(row.note),
  });
}
