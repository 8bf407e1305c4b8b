import { categoryLabel, communicationResource } from '../messaging/messaging-export.service.js';
import { refillRequestResource } from '../refills/refills-export.service.js';
import type { AuditAction } from '../audit/audit.service.js';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ClinicIdentityService } from '../clinic/clinic-identity.service.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { selectTogether } from '../../infra/database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import {
  ALLERGY,
  CARE_PLAN,
  CONDITION,
  IMMUNIZATION,
  RECORD_ORDER,
  VISIT_SUMMARY,
  type AllergyRow,
  type CarePlanRow,
  type ConditionRow,
  type ImmunizationRow,
  selectRecords,
  type AnyPatientResource,
  type FhirContext,
  type VisitSummaryRow,
} from '../records/records.service.js';
import {
  reportSelect,
  toObservationView,
  toReportSummary,
  type ReportRow as ResultReportRow,
} from '../results/results.dto.js';
import { RecordSnapshot } from './record-batches.js';
import type { HealthSummary } from './record-export.dto.js';
import {
  ExportResultNotFoundError,
  ExportVisitSummaryNotFoundError,
} from './record-export.errors.js';
import {
  diagnosticReportResource,
  fullUrl,
  observationResource,
  patientResource,
  type FhirResource,
} from './record-fhir.js';
import { RecordPdf, RESULT_COLUMNS, resultCells, type Column } from './record-pdf.js';
import {
  flagInWords,
  observationColumns,
  visibleObservation,
  visibleReport,
  type Audience,
  type ObservationRow,
  type ReportRow,
} from './record-rows.js';
import { observationOf, RecordSource, reportOf, type RecordPatient } from './record-source.js';

/** A file on its way to the client. */
export interface RecordFile {
  stream: Readable;
  fileName: string;
}

const audienceOf = (by: Accessor): Audience => ({ patient: by.principal.kind === 'patient' });

/**
 * The record as a whole: the summary the portal opens on, and the downloads (PDF and FHIR
 * R4). Reads the record's tables directly; writes nothing but audit rows.
 */
@Injectable()
export class RecordExportService {
  private readonly logger = new Logger('record-export');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly clinic: ClinicIdentityService,
  ) {}

  /**
   * The summary in two statements whatever the size of the record: every section (each
   * bounded by its LIMIT) in one round trip on one connection, then one audit row.
   */
  async summary(patientId: string, by: Accessor): Promise<HealthSummary> {
    const audience = audienceOf(by);
    const patientView = audience.patient;
    const parts = await selectTogether(
      this.db,
      {
        patients: `SELECT id, given_name, family_name, preferred_name,
                          to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth
                     FROM patient WHERE id = $1`,
        conditions: `${selectRecords(CONDITION, patientView)}
          WHERE t.patient_id = $1 AND t.clinical_status IN ('active', 'recurrence')
          ORDER BY t.onset_date DESC NULLS LAST, t.id DESC LIMIT 20`,
        allergies: `${selectRecords(ALLERGY, patientView)}
          WHERE t.patient_id = $1 AND t.clinical_status = 'active'
          ORDER BY t.recorded_at DESC, t.id DESC LIMIT 20`,
        immunizations: `${selectRecords(IMMUNIZATION, patientView)}
          WHERE t.patient_id = $1 AND t.status <> 'entered-in-error'
          ORDER BY t.occurred_on DESC, t.id DESC LIMIT 5`,
        // The newest of each vital sign: one index probe per code (observation_trend_idx).
        vitals: `SELECT latest.* FROM (
             SELECT DISTINCT code FROM observation
              WHERE patient_id = $1 AND category = 'vital-signs') codes
           CROSS JOIN LATERAL (
             SELECT ${observationColumns()} FROM observation o
              WHERE o.patient_id = $1 AND o.code = codes.code AND o.category = 'vital-signs'
                AND ${visibleObservation(audience)}
              ORDER BY o.effective_at DESC, o.id DESC LIMIT 1) latest
           ORDER BY latest.effective_at DESC, latest.code LIMIT 10`,
        reports: `${reportSelect(patientView)}
          WHERE r.patient_id = $1 AND ${visibleReport(audience)}
          ORDER BY r.effective_at DESC, r.id DESC LIMIT 5`,
        // Only patients have results that are new to them.
        newCount: `SELECT count(*)::int AS count FROM result_report r
          WHERE r.patient_id = $1 AND ${visibleReport(audience)} AND r.first_viewed_at IS NULL
            AND ${audience.patient ? 'true' : 'false'}`,
        plans: `${selectRecords(CARE_PLAN, patientView)}
          WHERE t.patient_id = $1 AND t.status = 'active'
          ORDER BY t.period_start DESC, t.id DESC LIMIT 5`,
        visits: `${selectRecords(VISIT_SUMMARY, patientView)}
          WHERE t.patient_id = $1 AND t.status <> 'entered-in-error'
          ORDER BY t.visit_date DESC, t.id DESC LIMIT 1`,
      },
      [patientId],
    );
    const patients = parts.patients as RecordPatient[];
    const conditions = parts.conditions as ConditionRow[];
    const allergies = parts.allergies as AllergyRow[];
    const immunizations = parts.immunizations as ImmunizationRow[];
    const vitals = parts.vitals as ObservationRow[];
    const reports = parts.reports as ResultReportRow[];
    const newCount = parts.newCount as { count: number }[];
    const plans = parts.plans as CarePlanRow[];
    const visits = parts.visits as VisitSummaryRow[];
    const patient = patients[0];
    if (!patient) throw new PatientNotFoundError();
    await this.record('health-summary.read', 'patient', patientId, patientId, by);
    return {
      patient: {
        id: patient.id,
        displayName: `${patient.preferred_name ?? patient.given_name} ${patient.family_name}`,
        dateOfBirth: patient.date_of_birth,
      },
      activeConditions: conditions.map((row) => CONDITION.toView(row, patientView)),
      allergies: allergies.map((row) => ALLERGY.toView(row, patientView)),
      recentImmunizations: immunizations.map((row) => IMMUNIZATION.toView(row, patientView)),
      latestVitals: vitals.map(toObservationView),
      recentResults: reports.map((row) => toReportSummary(row, patientView)),
      newResultsCount: newCount[0]?.count ?? 0,
      activeCarePlans: plans.map((row) => CARE_PLAN.toView(row, patientView)),
      lastVisitSummary: visits[0] ? VISIT_SUMMARY.toView(visits[0], patientView) : null,
    };
  }

  // --- PDF --------------------------------------------------------------------------------

  /** The whole record as a PDF. */
  async recordPdf(
    patientId: string,
    by: Accessor,
    timeZone = 'UTC',
    includeMessages = false,
  ): Promise<RecordFile> {
    return this.pdf(patientId, by, timeZone, 'Health record', async (pdf, source) => {
      for (const kind of RECORD_ORDER) await writeRecords(pdf, kind, source);
      pdf.heading('Test results');
      if (!(await writeReports(pdf, source))) pdf.empty('No test results yet.');
      await writeVitals(pdf, source);
      if (includeMessages) await writeMessages(pdf, source);
    }).then(async (stream) => {
      await this.record('health-record.pdf', 'patient', patientId, patientId, by);
      return { stream, fileName: 'health-record.pdf' };
    });
  }

  async resultPdf(
    patientId: string,
    reportId: string,
    by: Accessor,
    timeZone = 'UTC',
  ): Promise<RecordFile> {
    const audience = audienceOf(by);
    if (!UUID_PATTERN.test(reportId)) throw new ExportResultNotFoundError();
    const found = await this.db.query<unknown[]>(
      `SELECT 1 FROM result_report r WHERE r.id = $1 AND r.patient_id = $2 AND ${visibleReport(audience)}`,
      [reportId, patientId],
    );
    if (!found.length) throw new ExportResultNotFoundError();
    const stream = await this.pdf(patientId, by, timeZone, 'Test result', async (pdf, source) => {
      await writeReports(pdf, source, reportId);
    });
    await this.record('result.pdf', 'result_report', reportId, patientId, by);
    return { stream, fileName: 'test-result.pdf' };
  }

  async visitPdf(
    patientId: string,
    visitId: string,
    by: Accessor,
    timeZone = 'UTC',
  ): Promise<RecordFile> {
    if (!UUID_PATTERN.test(visitId)) throw new ExportVisitSummaryNotFoundError();
    const found = await this.db.query<unknown[]>(
      `SELECT 1 FROM visit_summary WHERE id = $1 AND patient_id = $2
          AND status <> 'entered-in-error'`,
      [visitId, patientId],
    );
    if (!found.length) throw new ExportVisitSummaryNotFoundError();
    const stream = await this.pdf(patientId, by, timeZone, 'Visit summary', async (pdf, source) => {
      await writeRecords(pdf, VISIT_SUMMARY, source, visitId);
    });
    await this.record('visit-summary.pdf', 'visit_summary', visitId, patientId, by);
    return { stream, fileName: 'visit-summary.pdf' };
  }

  /**
   * Opens a snapshot, writes the document's sections in the background and hands back the
   * PDF's stream at once. A failure half way ends the stream with the error (logged).
   */
  private async pdf(
    patientId: string,
    by: Accessor,
    timeZone: string,
    title: string,
    write: (pdf: RecordPdf, source: RecordSource) => Promise<void>,
  ): Promise<Readable> {
    const { snapshot, source, patient } = await this.openRecord(patientId, by);
    const pdf = new RecordPdf(
      {
        patientName: `${patient.given_name} ${patient.family_name}`,
        dateOfBirth: patient.date_of_birth,
        generatedAt: this.clock.now(),
        timeZone,
        clinic: { name: this.clinic.name, logo: this.clinic.logo?.bytes ?? null },
      },
      title,
    );
    void (async () => {
      try {
        await write(pdf, source);
        await snapshot.close();
        pdf.finish();
      } catch (error) {
        await snapshot.close().catch(() => undefined);
        this.logger.error({ err: error }, 'could not write a PDF');
        pdf.doc.destroy(error as Error);
      }
    })();
    return pdf.doc as unknown as Readable;
  }

  // --- FHIR -------------------------------------------------------------------------------

  /**
   * The whole record as a FHIR R4 Bundle (collection), written entry by entry as the rows
   * arrive from the database.
   */
  async recordFhir(patientId: string, by: Accessor, includeMessages = false): Promise<RecordFile> {
    const { snapshot, source, patient } = await this.openRecord(patientId, by);
    await this.record('health-record.fhir', 'patient', patientId, patientId, by);
    const timestamp = this.clock.now().toISOString();
    const logger = this.logger;
    async function* bundle(): AsyncGenerator<string> {
      try {
        yield `{"resourceType":"Bundle","type":"collection","timestamp":"${timestamp}","entry":[`;
        let first = true;
        const entry = (resource: FhirResource) => {
          const json = JSON.stringify({ fullUrl: fullUrl(resource.id), resource });
          const text = first ? json : `,${json}`;
          first = false;
          return text;
        };
        yield entry(patientResource(patient!));
        for await (const batch of fhirResources(source)) yield batch.map(entry).join('');
        for await (const rows of source.refillRequests()) {
          yield rows.map((row) => entry(refillRequestResource(row, patientId))).join('');
        }
        if (includeMessages) {
          for await (const rows of source.messages()) {
            yield rows.map((row) => entry(communicationResource(row, patientId))).join('');
          }
        }
        yield ']}';
      } catch (error) {
        logger.error({ err: error }, 'could not write a FHIR bundle');
        throw error;
      } finally {
        await snapshot.close();
      }
    }
    return { stream: Readable.from(bundle()), fileName: 'health-record.fhir.json' };
  }

  /**
   * A consistent snapshot of the patient's record, as `by` may see it, and the patient; the
   * snapshot is closed again when the patient cannot be read (404 when there is none).
   */
  private async openRecord(
    patientId: string,
    by: Accessor,
  ): Promise<{ snapshot: RecordSnapshot; source: RecordSource; patient: RecordPatient }> {
    const snapshot = await RecordSnapshot.open(this.db);
    const source = new RecordSource(snapshot, patientId, audienceOf(by));
    let patient: RecordPatient | null;
    try {
      patient = await source.patient();
    } catch (error) {
      await snapshot.close();
      throw error;
    }
    if (!patient) {
      await snapshot.close();
      throw new PatientNotFoundError();
    }
    return { snapshot, source, patient };
  }

  private record(
    action: AuditAction,
    resourceType: string,
    resourceId: string,
    patientId: string,
    by: Accessor,
  ): Promise<void> {
    return this.audit.recordSuccess(by, action, { patientId, resourceType, resourceId });
  }
}

/** Every resource of the record after the Patient, a batch at a time. */
async function* fhirResources(source: RecordSource): AsyncGenerator<FhirResource[]> {
  const patientId = source.patientId;
  const inBundle = new Set<string>();
  const context: FhirContext = { patientId, has: (id) => inBundle.has(id) };
  for (const kind of RECORD_ORDER as readonly AnyPatientResource[]) {
    for await (const rows of source.records(kind)) {
      const resources = rows.flatMap((row) => kind.fhir(row, context));
      for (const resource of resources) inBundle.add(resource.id);
      yield resources;
    }
  }
  // A report follows its observations, so only the current report's ids are kept.
  let current: { report: ReportRow; observationIds: string[] } | null = null;
  for await (const rows of source.reportObservations()) {
    const out: FhirResource[] = [];
    for (const row of rows) {
      const observation = observationOf(row);
      if (current && current.report.id !== row.r_id) {
        out.push(diagnosticReportResource(current.report, patientId, current.observationIds));
        current = null;
      }
      current ??= { report: reportOf(row), observationIds: [] };
      if (observation) {
        current.observationIds.push(observation.id);
        out.push(observationResource(observation, patientId));
      }
    }
    yield out;
  }
  if (current) {
    yield [diagnosticReportResource(current.report, patientId, current.observationIds)];
  }
  for await (const rows of source.vitals()) {
    yield rows.map((row) => observationResource(row, patientId));
  }
}

// --- PDF sections -------------------------------------------------------------------------

/**
 * A section that is one table: its heading, the column headings once rows come (again on
 * each new page), a row per record, or a line saying there is none.
 */
/** The messages section: each conversation under its subject, each message with who and when. */
async function writeMessages(pdf: RecordPdf, source: RecordSource): Promise<void> {
  pdf.heading('Messages with your care team');
  let conversation: string | null = null;
  for await (const rows of source.messages()) {
    for (const row of rows) {
      if (row.conversation_id !== conversation) {
        conversation = row.conversation_id;
        pdf.subheading(`${row.subject} (${categoryLabel(row.category)})`);
      }
      const who = row.kind === 'patient' ? 'You' : row.author_name;
      pdf.paragraph(`${who}, ${pdf.instant(row.sent_at)}`, { bold: true });
      pdf.paragraph(row.body);
    }
  }
  if (conversation === null) pdf.empty('No messages.');
}

async function writeTableSection<Row>(
  pdf: RecordPdf,
  section: { heading: string; columns: Column[]; none: string },
  batches: AsyncIterable<Row[]>,
  cells: (row: Row) => string[],
): Promise<void> {
  pdf.heading(section.heading);
  let any = false;
  for await (const rows of batches) {
    if (!any) pdf.table(section.columns);
    any = true;
    for (const row of rows) pdf.row(cells(row));
  }
  if (!any) pdf.empty(section.none);
}

/**
 * A kind's section of the PDF, from its descriptor: a table or a block per record, or the
 * line saying there is none. With an id, only that record, without the heading.
 */
async function writeRecords(
  pdf: RecordPdf,
  kind: AnyPatientResource,
  source: RecordSource,
  id?: string,
): Promise<void> {
  const section = kind.pdf;
  if (id === undefined) pdf.heading(section.heading);
  let any = false;
  for await (const rows of source.records(kind, id)) {
    if ('columns' in section) {
      if (!any) pdf.table(section.columns);
      for (const row of rows) pdf.row(section.cells(row));
    } else {
      for (const row of rows) section.write(pdf, row);
    }
    any = true;
  }
  if (!any && id === undefined) pdf.empty(section.none);
}

function reportHeading(pdf: RecordPdf, report: ReportRow): void {
  const corrected = report.status === 'corrected' || report.version > 1 ? ' (corrected)' : '';
  pdf.subheading(`${report.title}${corrected}`);
  const details = [
    `Collected ${pdf.instant(report.effective_at)}`,
    report.provider_name ? `ordered by ${report.provider_name}` : null,
    report.status === 'preliminary' ? 'preliminary' : null,
    report.release_state === 'held' ? 'not yet released to the patient' : null,
  ].filter(Boolean);
  pdf.paragraph(details.join(', '));
  if (report.narrative) pdf.paragraph(report.narrative, { label: 'Notes' });
}

async function writeReports(pdf: RecordPdf, source: RecordSource, reportId?: string) {
  let current: string | null = null;
  for await (const rows of source.reportObservations(reportId)) {
    for (const row of rows) {
      const observation = observationOf(row);
      if (row.r_id !== current) {
        current = row.r_id;
        reportHeading(pdf, reportOf(row));
        if (observation) pdf.table(RESULT_COLUMNS);
      }
      if (observation) {
        const flag = flagInWords(observation.interpretation);
        pdf.row(resultCells(observation), !!flag && flag !== 'Normal');
      }
    }
  }
  return current !== null;
}

function writeVitals(pdf: RecordPdf, source: RecordSource): Promise<void> {
  return writeTableSection(
    pdf,
    {
      heading: 'Vital signs',
      columns: [
        { title: 'Date', width: 75 },
        { title: 'Measurement', width: 135, wrap: true },
        { title: 'Result', width: 80 },
        { title: 'Unit', width: 55 },
        { title: 'Reference range', width: 85 },
        { title: 'Flag', width: 82 },
      ],
      none: 'No vital signs recorded.',
    },
    source.vitals(),
    (row) => {
      const [, ...cells] = resultCells(row);
      return [pdf.day(row.effective_at), row.display, ...cells];
    },
  );
}
