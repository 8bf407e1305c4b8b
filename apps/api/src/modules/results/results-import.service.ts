import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { FieldError } from '../../common/problem.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import { parseCsvImport, parseFhirImport } from './result-import.js';
import { IMPORT_CONTENT_MAX_BYTES, type ImportFormat, type ImportSummary } from './results.dto.js';
import { ImportRejectedError, ImportTooLargeError } from './results.errors.js';
import { ResultsRepository } from './results.repository.js';
import { ResultsService, type ReportDraft } from './results.service.js';

/** At most this many problems are listed; the detail says how many there were. */
const LISTED_ERRORS = 100;

/**
 * Bulk import of results from a CSV file or a FHIR Bundle. The file is checked as a whole
 * first; any problem rejects all of it and nothing is stored. An accepted file is stored in
 * one transaction, released per the category policy, with one email per patient.
 */
@Injectable()
export class ResultsImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: ResultsRepository,
    private readonly results: ResultsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async import(
    input: { format: ImportFormat; fileName?: string | null; content: string },
    by: Accessor,
  ): Promise<ImportSummary> {
    return this.audit.recordRefusal(
      () => ({
        action: 'result.import',
        actor: by.principal,
        resourceType: 'result_import',
        context: by.context,
      }),
      () => this.run(input, by),
    );
  }

  private async run(
    input: { format: ImportFormat; fileName?: string | null; content: string },
    by: Accessor,
  ): Promise<ImportSummary> {
    if (Buffer.byteLength(input.content, 'utf8') > IMPORT_CONTENT_MAX_BYTES) {
      throw new ImportTooLargeError(IMPORT_CONTENT_MAX_BYTES);
    }
    const parse = input.format === 'csv' ? parseCsvImport : parseFhirImport;
    const parsed = parse(input.content, this.results.catalog);
    const errors: FieldError[] = [...parsed.errors];
    const mrns = [...new Set(parsed.reports.map((report) => report.mrn))];
    const patients = new Map<string, string>();
    if (mrns.length) {
      for (const row of await this.rows.patientsByMrn(mrns)) patients.set(row.mrn, row.id);
    }
    const drafts: ReportDraft[] = [];
    for (const report of parsed.reports) {
      const patientId = patients.get(report.mrn);
      if (!patientId) {
        errors.push({ field: report.mrnField, message: `No patient has the MRN ${report.mrn}.` });
        continue;
      }
      drafts.push({
        patientId,
        category: report.category,
        code: report.code,
        title: report.title,
        status: report.status,
        effectiveAt: report.effectiveAt,
        orderingProviderId: null,
        narrative: null,
        attachment: null,
        observations: report.observations,
      });
    }
    if (errors.length) {
      errors.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
      throw new ImportRejectedError(errors.slice(0, LISTED_ERRORS), errors.length);
    }
    const importId = newId();
    const stored = await this.db.transaction(async (manager) => {
      const done = await this.results.store(manager, drafts, by, importId);
      await this.rows.insertImport(manager, {
        id: importId,
        format: input.format,
        fileName: input.fileName ?? null,
        reportCount: done.reportIds.length,
        observationCount: done.observationCount,
        importedBy: by.principal.accountId,
        importedAt: this.clock.now(),
      });
      return done;
    });
    await this.results.dispatch(stored.mailIds);
    return {
      importId,
      reports: stored.reportIds.length,
      observations: stored.observationCount,
      patients: new Set(drafts.map((d) => d.patientId)).size,
    };
  }
}

/** Problems in file order: by line or entry number, whole-file problems first. */
function fieldOrder(field: string): number {
  const match = /^(?:line |entry\[)(\d+)/.exec(field);
  return match ? Number(match[1]) : -1;
}
