import { clean, ref, type FhirResource } from '../../common/fhir.js';
import { CATEGORY_LABELS, type MessageCategory, type MessageKind } from './messaging.rules.js';

/**
 * Messages in the whole-record downloads, when the patient asks for them: what the patient
 * sees (never internal notes), conversation by conversation, oldest first. The export module
 * reads these through its snapshot ($1 is the patient): this file is the messaging module's
 * public face for the record downloads.
 */
export const EXPORT_MESSAGES_SQL = `
  SELECT m.id, m.conversation_id, c.subject, c.category, m.kind, a.display_name AS author_name,
         m.body, m.sent_at
    FROM conversation c
    JOIN message m ON m.conversation_id = c.id AND m.kind <> 'note'
    JOIN account a ON a.id = m.author_account_id
   WHERE c.patient_id = $1
   ORDER BY c.created_at, c.id, m.sent_at, m.id`;

export interface ExportMessageRow {
  id: string;
  conversation_id: string;
  subject: string;
  category: MessageCategory;
  kind: Exclude<MessageKind, 'note'>;
  author_name: string;
  body: string;
  sent_at: Date;
}

export const categoryLabel = (category: MessageCategory) => CATEGORY_LABELS[category];

/** A message as a FHIR R4 Communication: the patient is the subject, and sender or recipient. */
export function communicationResource(row: ExportMessageRow, patientId: string): FhirResource {
  const patient = ref(patientId);
  const careTeam = { display: row.kind === 'staff' ? row.author_name : 'Care team' };
  return clean({
    resourceType: 'Communication',
    id: row.id,
    identifier: [{ system: 'urn:portal:conversation', value: row.conversation_id }],
    status: 'completed',
    category: [{ text: categoryLabel(row.category) }],
    subject: patient,
    topic: { text: row.subject },
    sent: row.sent_at.toISOString(),
    sender: row.kind === 'patient' ? patient : careTeam,
    recipient: [row.kind === 'patient' ? careTeam : patient],
    payload: [{ contentString: row.body }],
  });
}
