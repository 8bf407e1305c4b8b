import type { FieldError } from '../../common/problem.js';
import { CsvSyntaxError, parseCsv } from './csv.js';
import {
  checkObservation,
  type LoincCatalog,
  type ObservationDraft,
  type RawObservation,
  type ReportCategory,
  type ResultStatus,
} from './observation-rules.js';
import { isInstant } from './results.dto.js';

/** A report read from an import file, still keyed by the patient's MRN. */
export interface ImportedReport {
  mrn: string;
  /** Where the MRN was read, for an "unknown MRN" error. */
  mrnField: string;
  category: ReportCategory;
  code: string | null;
  title: string;
  status: ResultStatus;
  effectiveAt: Date;
  observations: ObservationDraft[];
}

export interface ParsedImport {
  reports: ImportedReport[];
  errors: FieldError[];
}

export const CSV_COLUMNS = [
  'mrn',
  'report_code',
  'report_title',
  'effective_at',
  'loinc_code',
  'value',
  'unit',
  'reference_low',
  'reference_high',
  'interpretation',
  'status',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = [
  'mrn',
  'report_title',
  'effective_at',
  'loinc_code',
  'value',
];
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const MRN = /^[A-Za-z0-9-]{1,50}$/;

function groupStatus(observations: ObservationDraft[]): ResultStatus {
  return observations.some((o) => o.status === 'preliminary') ? 'preliminary' : 'final';
}

/**
 * A CSV file of laboratory results, one observation per line. Lines with the same MRN,
 * report code and time form one report. Every problem is named by its line ("line 7").
 */
export function parseCsvImport(content: string, catalog: LoincCatalog): ParsedImport {
  const errors: FieldError[] = [];
  let records;
  try {
    records = parseCsv(content);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { reports: [], errors: [{ field: `line ${error.line}`, message: error.message }] };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { reports: [], errors: [{ field: 'line 1', message: 'The file is empty.' }] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const doubled = names.filter((name, index) => names.indexOf(name) !== index);
  if (unknown.length || missing.length || doubled.length) {
    const problems = [
      ...(missing.length ? [`missing ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown ${unknown.map((n) => n || '(empty)').join(', ')}`] : []),
      ...(doubled.length ? [`repeated ${doubled.join(', ')}`] : []),
    ];
    return {
      reports: [],
      errors: [
        {
          field: `line ${header.line}`,
          message: `The header must name the columns ${CSV_COLUMNS.join(',')} (${problems.join('; ')}).`,
        },
      ],
    };
  }
  if (!rows.length) {
    return { reports: [], errors: [{ field: 'line 2', message: 'The file has no results.' }] };
  }

  const groups = new Map<string, ImportedReport>();
  for (const record of rows) {
    const field = `line ${record.line}`;
    const fail = (message: string) => errors.push({ field, message });
    if (record.fields.length !== names.length) {
      fail(`This line has ${record.fields.length} values; the header has ${names.length}.`);
      continue;
    }
    const cell = (name: CsvColumn) => {
      const index = names.indexOf(name);
      return index < 0 ? '' : record.fields[index]!.trim();
    };
    const before = errors.length;
    const mrn = cell('mrn');
    if (!MRN.test(mrn)) fail('Enter the patient’s MRN (letters, digits and dashes).');
    const title = cell('report_title');
    if (!title || title.length > 200) fail('Enter the report title (at most 200 characters).');
    const effective = cell('effective_at');
    if (!isInstant(effective)) {
      fail('Write effective_at as a date and time with a zone, like 2026-03-01T08:30:00Z.');
    }
    const reportCode = cell('report_code');
    if (reportCode && !catalog.find(reportCode))
      fail(`Unknown LOINC code ${reportCode.slice(0, 20)}.`);
    const number = (text: string, label: string) => {
      if (!text) return null;
      if (!NUMBER.test(text)) {
        fail(`Write ${label} as a number.`);
        return null;
      }
      return Number(text);
    };
    const value = cell('value');
    const raw: RawObservation = {
      code: cell('loinc_code'),
      valueQuantity: NUMBER.test(value) ? Number(value) : null,
      valueText: NUMBER.test(value) ? null : value,
      unit: cell('unit') || null,
      referenceLow: number(cell('reference_low'), 'reference_low'),
      referenceHigh: number(cell('reference_high'), 'reference_high'),
      interpretation: cell('interpretation') || undefined,
      status: cell('status') || undefined,
    };
    const draft = checkObservation(raw, () => field, catalog, errors);
    if (!draft || errors.length > before) continue;
    const effectiveAt = new Date(effective);
    const key = `${mrn}|${reportCode}|${effectiveAt.toISOString()}`;
    const group = groups.get(key);
    if (group) group.observations.push(draft);
    else {
      groups.set(key, {
        mrn,
        mrnField: field,
        category: 'laboratory',
        code: reportCode ? catalog.find(reportCode)!.code : null,
        title,
        status: 'final',
        effectiveAt,
        observations: [draft],
      });
    }
  }
  const reports = [...groups.values()];
  for (const report of reports) report.status = groupStatus(report.observations);
  return { reports, errors };
}

// --- FHIR ---------------------------------------------------------------------------------

const LOINC_SYSTEM = 'http://loinc.org';
const UCUM_SYSTEM = 'http://unitsofmeasure.org';
const BUNDLE_TYPES = ['collection', 'transaction', 'batch'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The LOINC code of a CodeableConcept, if it has one. */
function loincOf(concept: unknown): string | null {
  if (!isObject(concept)) return null;
  const coding = array(concept.coding).find(
    (c) => isObject(c) && c.system === LOINC_SYSTEM && typeof c.code === 'string',
  ) as Json | undefined;
  return coding ? (coding.code as string) : null;
}

function mrnOf(resource: Json): string | null {
  const subject = resource.subject;
  if (!isObject(subject) || !isObject(subject.identifier)) return null;
  const value = subject.identifier.value;
  return typeof value === 'string' && MRN.test(value.trim()) ? value.trim() : null;
}

function categoryOf(report: Json): ReportCategory {
  const codes = array(report.category).flatMap((concept) =>
    isObject(concept) ? array(concept.coding).map((c) => (isObject(c) ? c.code : null)) : [],
  );
  if (codes.includes('LAB')) return 'laboratory';
  if (codes.some((code) => ['RAD', 'RX', 'CT', 'MR', 'US', 'NMR'].includes(code as string))) {
    return 'imaging';
  }
  return codes.length ? 'other' : 'laboratory';
}

const OBSERVATION_FIELDS: Record<keyof RawObservation, string> = {
  code: 'code.coding',
  valueQuantity: 'valueQuantity.value',
  valueText: 'valueString',
  unit: 'valueQuantity.unit',
  referenceLow: 'referenceRange[0].low.value',
  referenceHigh: 'referenceRange[0].high.value',
  referenceText: 'referenceRange[0].text',
  interpretation: 'interpretation[0].coding[0].code',
  status: 'status',
};

interface ParsedObservation {
  index: number;
  mrn: string | null;
  draft: ObservationDraft | null;
  used: boolean;
}

/**
 * A FHIR R4 Bundle of DiagnosticReport resources and the Observation resources their `result`
 * lists. Patients are named by subject.identifier.value (the MRN). Other resources are
 * ignored. Problems are named by their place in the bundle (entry[3].resource.status).
 */
export function parseFhirImport(content: string, catalog: LoincCatalog): ParsedImport {
  const errors: FieldError[] = [];
  let bundle: unknown;
  try {
    bundle = JSON.parse(content);
  } catch {
    return { reports: [], errors: [{ field: 'content', message: 'The file is not valid JSON.' }] };
  }
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return { reports: [], errors: [{ field: 'resourceType', message: 'Send a FHIR Bundle.' }] };
  }
  if (!BUNDLE_TYPES.includes(bundle.type as string)) {
    errors.push({
      field: 'type',
      message: 'The bundle type must be collection, transaction or batch.',
    });
  }
  const entries = array(bundle.entry);
  if (!entries.length) errors.push({ field: 'entry', message: 'The bundle has no entries.' });

  const observations = new Map<string, ParsedObservation>();
  const every: ParsedObservation[] = [];
  const reports: { index: number; resource: Json }[] = [];
  entries.forEach((entry, index) => {
    const at = `entry[${index}].resource`;
    if (!isObject(entry) || !isObject(entry.resource)) {
      errors.push({ field: at, message: 'Each entry needs a resource.' });
      return;
    }
    const resource = entry.resource;
    if (resource.resourceType === 'DiagnosticReport') reports.push({ index, resource });
    if (resource.resourceType !== 'Observation') return;
    const mrn = mrnOf(resource);
    if (!mrn) {
      errors.push({ field: `${at}.subject.identifier.value`, message: 'Name the patient by MRN.' });
    }
    const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : null;
    const range = isObject(array(resource.referenceRange)[0])
      ? (array(resource.referenceRange)[0] as Json)
      : null;
    const interpretation = isObject(array(resource.interpretation)[0])
      ? array((array(resource.interpretation)[0] as Json).coding)[0]
      : undefined;
    const raw: RawObservation = {
      code: loincOf(resource.code) ?? '',
      valueQuantity: quantity ? quantity.value : undefined,
      valueText: resource.valueString,
      unit: quantity
        ? quantity.system === UCUM_SYSTEM && typeof quantity.code === 'string'
          ? quantity.code
          : quantity.unit
        : undefined,
      referenceLow: range && isObject(range.low) ? range.low.value : undefined,
      referenceHigh: range && isObject(range.high) ? range.high.value : undefined,
      referenceText: range?.text,
      interpretation: isObject(interpretation) ? interpretation.code : undefined,
      status: resource.status,
    };
    const draft = checkObservation(
      raw,
      (name) => `${at}.${OBSERVATION_FIELDS[name]}`,
      catalog,
      errors,
    );
    if (draft && resource.effectiveDateTime !== undefined) {
      if (!isInstant(resource.effectiveDateTime)) {
        errors.push({
          field: `${at}.effectiveDateTime`,
          message: 'Write effectiveDateTime as a date and time with a zone.',
        });
      } else draft.effectiveAt = new Date(resource.effectiveDateTime);
    }
    const parsed: ParsedObservation = { index, mrn, draft, used: false };
    every.push(parsed);
    if (typeof entry.fullUrl === 'string') observations.set(entry.fullUrl, parsed);
    if (typeof resource.id === 'string') observations.set(`Observation/${resource.id}`, parsed);
  });

  const imported: ImportedReport[] = [];
  for (const { index, resource } of reports) {
    const at = `entry[${index}].resource`;
    const before = errors.length;
    const mrn = mrnOf(resource);
    if (!mrn) {
      errors.push({ field: `${at}.subject.identifier.value`, message: 'Name the patient by MRN.' });
    }
    const status =
      resource.status === 'final'
        ? 'final'
        : resource.status === 'preliminary' || resource.status === 'partial'
          ? 'preliminary'
          : null;
    if (!status) {
      errors.push({
        field: `${at}.status`,
        message: 'The status must be final, preliminary or partial.',
      });
    }
    const code = loincOf(resource.code);
    if (code && !catalog.find(code)) {
      errors.push({
        field: `${at}.code.coding`,
        message: `Unknown LOINC code ${code.slice(0, 20)}.`,
      });
    }
    const concept = isObject(resource.code) ? resource.code : {};
    const firstCoding = array(concept.coding).find(isObject);
    const title =
      (typeof concept.text === 'string' && concept.text.trim()) ||
      (isObject(firstCoding) &&
        typeof firstCoding.display === 'string' &&
        firstCoding.display.trim()) ||
      (code && catalog.find(code)?.display) ||
      '';
    if (!title || title.length > 200) {
      errors.push({
        field: `${at}.code.text`,
        message: 'Give the report a name (at most 200 characters).',
      });
    }
    if (!isInstant(resource.effectiveDateTime)) {
      errors.push({
        field: `${at}.effectiveDateTime`,
        message:
          'Write effectiveDateTime as a date and time with a zone, like 2026-03-01T08:30:00Z.',
      });
    }
    const drafts: ObservationDraft[] = [];
    const results = array(resource.result);
    if (!results.length)
      errors.push({ field: `${at}.result`, message: 'List the report’s results.' });
    results.forEach((ref, position) => {
      const field = `${at}.result[${position}].reference`;
      const target =
        isObject(ref) && typeof ref.reference === 'string'
          ? observations.get(ref.reference)
          : undefined;
      if (!target) {
        errors.push({ field, message: 'No Observation in the bundle has this reference.' });
        return;
      }
      if (target.used) {
        errors.push({ field, message: 'This Observation already belongs to another report.' });
        return;
      }
      target.used = true;
      if (mrn && target.mrn && target.mrn !== mrn) {
        errors.push({
          field,
          message: 'This Observation is about another patient than the report.',
        });
      }
      if (target.draft) drafts.push(target.draft);
    });
    if (errors.length > before || !mrn || !status) continue;
    imported.push({
      mrn,
      mrnField: `${at}.subject.identifier.value`,
      category: categoryOf(resource),
      code: code ? catalog.find(code)!.code : null,
      title,
      status,
      effectiveAt: new Date(resource.effectiveDateTime as string),
      observations: drafts,
    });
  }
  for (const parsed of every) {
    if (!parsed.used) {
      errors.push({
        field: `entry[${parsed.index}].resource`,
        message: 'This Observation is not in the result list of any DiagnosticReport.',
      });
    }
  }
  if (!reports.length && !errors.length) {
    errors.push({ field: 'entry', message: 'The bundle has no DiagnosticReport.' });
  }
  return { reports: imported, errors };
}
