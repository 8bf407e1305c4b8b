import PDFDocument from 'pdfkit';
import { longDate } from '../../common/pdf-section.js';
import type { StatementRow } from './billing.repository.js';
import { formatMoney, KIND_WORDS } from './billing.rules.js';

const MARGIN = 50;
const AMOUNT_WIDTH = 90;

/**
 * A statement as a PDF, drawn from its frozen snapshot with the same PDF library as the
 * record export: the clinic, the patient and the statement code, the period's totals, then
 * every line it itemized. Reprinting a statement always gives the same figures.
 */
export function renderStatementPdf(statement: StatementRow, clinicName: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: `Statement ${statement.code}`, Author: clinicName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const money = (minor: number | string) => formatMoney(Number(minor), statement.currency);
  const { patient, lines } = statement.snapshot;

  doc.font('Helvetica-Bold').fontSize(16).text(clinicName);
  doc.font('Helvetica').fontSize(12).text('Billing statement').moveDown();
  doc.fontSize(10);
  doc.text(patient.name);
  if (patient.address) {
    const a = patient.address;
    for (const line of [
      a.line1,
      a.line2,
      [a.city, a.region, a.postalCode].filter(Boolean).join(' '),
    ])
      if (line) doc.text(line);
  }
  doc.text(`Medical record number: ${patient.mrn}`).moveDown();
  doc.text(`Statement code: ${statement.code}`);
  doc.text(`Period: ${longDate(statement.period_start)} to ${longDate(statement.period_end)}`);
  doc.text(`Issued: ${longDate(statement.issued_at.toISOString().slice(0, 10))}`).moveDown();

  const row = (label: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(label, MARGIN, y, { width: width - AMOUNT_WIDTH });
    const after = doc.y;
    doc.text(amount, MARGIN + width - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.x = MARGIN;
  };
  row('Balance before this period', money(statement.previous_balance));
  row('New charges', money(statement.new_charges));
  row('Insurance payments and adjustments', money(-Number(statement.insurance_credits)));
  row('Your payments and amounts forgiven', money(-Number(statement.patient_credits)));
  row(
    `Amount due by ${longDate(statement.due_date)}`,
    money(Math.max(Number(statement.balance), 0)),
    true,
  );
  doc.moveDown();

  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('What happened this period')
    .fontSize(10)
    .moveDown(0.3);
  if (!lines.length) doc.font('Helvetica').text('Nothing new this period.');
  for (const line of lines) {
    const what =
      line.kind === 'charge' ? line.description : `${KIND_WORDS[line.kind]}: ${line.description}`;
    row(`${longDate(line.date)}  ${what}`, money(line.amount));
  }
  doc.moveDown();
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      'Questions about this statement? Call the billing office and give the statement code. ' +
        'You can also see your bills in the patient portal.',
    );
  doc.end();
  return done;
}
