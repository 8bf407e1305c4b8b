import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { escapeHtml } from '../../infra/mail/compose.js';
import type { RefillKind } from './refills.rules.js';

/** What an approved refill sends to the pharmacy. */
export interface OutgoingPrescription {
  /** The refill request: also the message's id, so a resend is the same message. */
  requestId: string;
  kind: RefillKind;
  sentAt: Date;
  patient: { id: string; mrn: string; givenName: string; familyName: string; dateOfBirth: string };
  pharmacy: { ncpdpId: string; name: string };
  prescriber: string | null;
  medication: {
    rxnormCode: string;
    display: string;
    dose: string | null;
    frequency: string | null;
  };
  quantity: number;
  refills: number;
  note: string | null;
}

/**
 * The e-prescribing network (Surescripts in the US). A send must be idempotent by request id:
 * the message id is the request id, which the network dedupes. Throws when it is not taken;
 * the queue then retries.
 */
export abstract class EPrescribingPort {
  abstract send(prescription: OutgoingPrescription): Promise<{ messageId: string }>;
}

/** The message id of a request's prescription (the same on every try). */
export function prescriptionMessageId(requestId: string): string {
  return `refill-${requestId}`;
}

const xml = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : escapeHtml(String(value));

/**
 * The message, shaped like NCPDP SCRIPT: a NewRx for a refill (a new prescription for the
 * remaining fills at the pharmacy) and an RxRenewalResponse (approved) for a renewal.
 */
export function scriptMessage(p: OutgoingPrescription): string {
  const messageId = prescriptionMessageId(p.requestId);
  const drug = `
      <MedicationPrescribed>
        <DrugDescription>${xml(p.medication.display)}</DrugDescription>
        <DrugCoded><ProductCode><Code>${xml(p.medication.rxnormCode)}</Code><Qualifier>RXNORM</Qualifier></ProductCode></DrugCoded>
        <Quantity><Value>${p.quantity}</Value></Quantity>
        <Sig><SigText>${xml([p.medication.dose, p.medication.frequency].filter(Boolean).join(', '))}</SigText></Sig>
        <NumberOfRefills>${p.refills}</NumberOfRefills>
        <Note>${xml(p.note)}</Note>
      </MedicationPrescribed>`;
  const parties = `
      <Pharmacy><Identification><NCPDPID>${xml(p.pharmacy.ncpdpId)}</NCPDPID></Identification><BusinessName>${xml(p.pharmacy.name)}</BusinessName></Pharmacy>
      <Prescriber><Name>${xml(p.prescriber)}</Name></Prescriber>
      <Patient><Identification><MedicalRecordIdentificationNumberEHR>${xml(p.patient.mrn)}</MedicalRecordIdentificationNumberEHR></Identification><Name><LastName>${xml(p.patient.familyName)}</LastName><FirstName>${xml(p.patient.givenName)}</FirstName></Name><DateOfBirth><Date>${xml(p.patient.dateOfBirth)}</Date></DateOfBirth></Patient>`;
  const body =
    p.kind === 'renewal'
      ? `<RxRenewalResponse>
      <Response><Approved/></Response>${parties}${drug}
    </RxRenewalResponse>`
      : `<NewRx>${parties}${drug}
    </NewRx>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" DatatypesVersion="2017071" TransportVersion="2017071" TransactionDomain="SCRIPT" TransactionVersion="2017071" StructuresVersion="2017071" ECLVersion="2017071">
  <Header>
    <To Qualifier="P">${xml(p.pharmacy.ncpdpId)}</To>
    <From Qualifier="C">portal</From>
    <MessageID>${xml(messageId)}</MessageID>
    <SentTime>${p.sentAt.toISOString()}</SentTime>
  </Header>
  <Body>
    ${body}
  </Body>
</Message>
`;
}

/**
 * The local network: each message is a file under DATA_DIR/eprescribing named by its message
 * id, written whole (a temporary file, then a rename), so a second send of the same request
 * leaves the same one file.
 */
@Injectable()
export class LocalFileEPrescribing extends EPrescribingPort {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  get folder(): string {
    return path.join(this.config.dataDir, 'eprescribing');
  }

  async send(prescription: OutgoingPrescription): Promise<{ messageId: string }> {
    const messageId = prescriptionMessageId(prescription.requestId);
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const file = path.join(this.folder, `${messageId}.xml`);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, scriptMessage(prescription), { mode: 0o600 });
    await rename(temporary, file);
    return { messageId };
  }
}
