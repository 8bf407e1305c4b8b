import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signedInPatient } from './support/appointment-flow.js';
import { createClinic } from './support/clinic.js';
import { signedInStaff } from './support/invitation-flow.js';
import { bundleSchemaErrors, fhirErrors } from './support/record-export-fhir.js';
import {
  insertAllergy,
  insertCarePlan,
  insertCondition,
  insertImmunization,
  insertReport,
  insertVisit,
  insertVitals,
  pdfPages,
  pdfTextUpright,
} from './support/record-export-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Browser = { cookies: Map<string, string> };

const COMMON = ['id', 'patientId', 'version', 'corrected', 'recordedAt', 'updatedAt', 'recordedBy'];
const SHAPES = {
  condition: [
    ...COMMON,
    'code',
    'display',
    'plainName',
    'codeSystem',
    'clinicalStatus',
    'onsetDate',
    'abatementDate',
    'note',
  ],
  allergy: [
    ...COMMON,
    'substance',
    'category',
    'reaction',
    'severity',
    'clinicalStatus',
    'onsetDate',
    'note',
  ],
  immunization: [
    ...COMMON,
    'cvxCode',
    'display',
    'plainName',
    'occurredOn',
    'doseNumber',
    'doseQuantity',
    'site',
    'lotNumber',
    'status',
    'note',
  ],
  visit: [
    ...COMMON,
    'visitDate',
    'provider',
    'location',
    'appointmentId',
    'diagnoses',
    'instructions',
    'followUp',
    'status',
  ],
  carePlan: [
    ...COMMON,
    'title',
    'description',
    'status',
    'periodStart',
    'periodEnd',
    'conditions',
    'goals',
    'activities',
  ],
  observation: [
    'id',
    'reportId',
    'category',
    'code',
    'display',
    'plainName',
    'valueQuantity',
    'valueText',
    'unit',
    'referenceLow',
    'referenceHigh',
    'referenceText',
    'interpretation',
    'abnormal',
    'status',
    'corrected',
    'effectiveAt',
    'version',
  ],
  report: [
    'id',
    'patientId',
    'category',
    'code',
    'title',
    'status',
    'effectiveAt',
    'issuedAt',
    'abnormal',
    'isNew',
    'releaseState',
    'releasedAt',
    'orderingProvider',
    'observationCount',
    'hasAttachment',
    'corrected',
    'version',
  ],
};
const keys = (value: unknown) => Object.keys(value as object).sort();

describe('record export', () => {
  let testApp: TestApp;
  let db: DataSource;
  let provider: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    provider = await signedInStaff(testApp, ['provider']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const base = (patientId: string) => `/api/v1/patients/${patientId}`;
  const raw = (browser: Browser, url: string) =>
    testApp.fetch(url, {
      headers: {
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      },
    });
  const pdfOf = async (browser: Browser, url: string) => {
    const response = await raw(browser, url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return pdfPages(new Uint8Array(await response.arrayBuffer()));
  };
  const bundleOf = async (browser: Browser, patientId: string) => {
    const response = await raw(browser, `${base(patientId)}/health-record.fhir.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="health-record.fhir.json"',
    );
    const bundle = (await response.json()) as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: Record<string, any> }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    // The Bundle is what the OpenAPI document says it is (FhirBundle).
    expect(bundleSchemaErrors(bundle)).toEqual([]);
    return bundle;
  };
  const auditActions = async (patientId: string) =>
    (
      await db.query<{ action: string }[]>(
        `SELECT action FROM audit_event
          WHERE patient_id = $1 AND action NOT LIKE 'auth.%' ORDER BY occurred_at`,
        [patientId],
      )
    ).map((row) => row.action);

  /** A patient with one of everything: a condition with its plan, a visit, results, vitals. */
  async function fullRecord(patientId: string) {
    const clinic = await createClinic(db);
    const conditionId = await insertCondition(db, patientId);
    await insertCondition(db, patientId, {
      code: 'E11.9',
      display: 'Wrong',
      status: 'entered-in-error',
    });
    await insertAllergy(db, patientId);
    await insertAllergy(db, patientId, { substance: 'Peanuts', status: 'entered-in-error' });
    for (const day of ['2025-10-01', '2024-10-01']) await insertImmunization(db, patientId, day);
    await insertCarePlan(db, patientId, conditionId);
    const visitId = await insertVisit(db, patientId, {
      providerId: clinic.provider.id,
      locationId: clinic.location.id,
    });
    const released = await insertReport(db, patientId, { values: [6.4] });
    const corrected = await insertReport(db, patientId, {
      title: 'Corrected A1c',
      values: [5.2],
      corrected: true,
      status: 'corrected',
      effectiveAt: new Date(Date.now() - 5 * 86_400_000),
    });
    const held = await insertReport(db, patientId, {
      title: 'Held lipid panel',
      release: 'held',
      values: [9.9],
    });
    await insertVitals(db, patientId, 3);
    return { clinic, conditionId, visitId, released, corrected, held };
  }

  it('summarises the record in the contract’s shapes, for patients only what they may see', async () => {
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const record = await fullRecord(id);

    const response = await patient.get(`${base(id)}/health-summary`);
    expect(response.status).toBe(200);
    const summary = response.body!;
    expect(keys(summary)).toEqual(
      [
        'patient',
        'activeConditions',
        'allergies',
        'recentImmunizations',
        'latestVitals',
        'recentResults',
        'newResultsCount',
        'activeCarePlans',
        'lastVisitSummary',
      ].sort(),
    );
    expect(summary.patient).toEqual({
      id,
      displayName: `Test ${patient.patient.familyName}`,
      dateOfBirth: '1980-02-29',
    });
    expect(summary.activeConditions).toHaveLength(1);
    expect(keys(summary.activeConditions[0])).toEqual([...SHAPES.condition].sort());
    expect(summary.activeConditions[0]).toMatchObject({
      code: 'I10',
      codeSystem: 'ICD-10-CM',
      recordedBy: null,
    });
    expect(summary.allergies.map((a: { substance: string }) => a.substance)).toEqual([
      'Penicillin',
    ]);
    expect(keys(summary.allergies[0])).toEqual([...SHAPES.allergy].sort());
    expect(keys(summary.recentImmunizations[0])).toEqual([...SHAPES.immunization].sort());
    expect(summary.recentImmunizations[0].occurredOn).toBe('2025-10-01');
    expect(summary.latestVitals).toHaveLength(1);
    expect(keys(summary.latestVitals[0])).toEqual([...SHAPES.observation].sort());
    expect(summary.latestVitals[0]).toMatchObject({ code: '8480-6', unit: 'mm[Hg]' });
    // Held results stay out; the released ones are new until opened.
    expect(summary.recentResults.map((r: { id: string }) => r.id)).toEqual([
      record.released,
      record.corrected,
    ]);
    expect(keys(summary.recentResults[0])).toEqual([...SHAPES.report].sort());
    expect(summary.recentResults[0]).toMatchObject({
      isNew: true,
      releaseState: 'released',
      observationCount: 1,
      corrected: false,
    });
    expect(summary.recentResults[1]).toMatchObject({ corrected: true });
    expect(summary.newResultsCount).toBe(2);
    expect(keys(summary.activeCarePlans[0])).toEqual([...SHAPES.carePlan].sort());
    expect(summary.activeCarePlans[0].conditions).toEqual([
      { id: record.conditionId, code: 'I10', display: 'Essential (primary) hypertension' },
    ]);
    expect(summary.activeCarePlans[0].goals[0]).toMatchObject({
      status: 'in-progress',
      target: '130/80 mmHg',
    });
    expect(keys(summary.lastVisitSummary)).toEqual([...SHAPES.visit].sort());
    expect(summary.lastVisitSummary).toMatchObject({
      id: record.visitId,
      provider: { id: record.clinic.provider.id, displayName: record.clinic.provider.displayName },
      location: { id: record.clinic.location.id, name: record.clinic.location.name },
      diagnoses: [{ code: 'I10', display: 'Essential (primary) hypertension' }],
    });

    // Staff see held results too, and who recorded what (nobody, here).
    const staffView = (await provider.get(`${base(id)}/health-summary`)).body!;
    expect(staffView.recentResults.map((r: { id: string }) => r.id)).toContain(record.held);
    expect(staffView.newResultsCount).toBe(0);
    expect(staffView.recentResults[0].isNew).toBe(false);

    expect(await auditActions(id)).toEqual(['health-summary.read', 'health-summary.read']);

    // Each entry is the very view its own list answers with.
    const lists = await Promise.all(
      [
        'conditions',
        'immunizations',
        'care-plans',
        'visit-summaries',
        'results',
        'allergies',
        'vitals',
      ].map(async (kind) => (await patient.get(`${base(id)}/${kind}`)).body!.items as unknown[]),
    );
    expect(lists[0]).toContainEqual(summary.activeConditions[0]);
    expect(lists[1]).toContainEqual(summary.recentImmunizations[0]);
    expect(lists[2]).toContainEqual(summary.activeCarePlans[0]);
    expect(lists[3]).toContainEqual(summary.lastVisitSummary);
    expect(lists[4]).toContainEqual(summary.recentResults[0]);
    expect(lists[5]).toContainEqual(summary.allergies[0]);
    expect(lists[6]).toContainEqual(summary.latestVitals[0]);
  });

  it('costs the same number of queries for 10 observations as for 2,000', async () => {
    const small = await signedInPatient(testApp);
    const large = await signedInPatient(testApp);
    for (const [browser, count] of [
      [small, 10],
      [large, 2000],
    ] as const) {
      const id = browser.patient.id;
      await insertCondition(db, id);
      await insertReport(db, id, { values: [6.1], bulk: count / 2 });
      await insertVitals(db, id, count / 2);
    }
    const counts: string[] = [];
    for (const browser of [small, large]) {
      const response = await browser.get(`${base(browser.patient.id)}/health-summary`);
      expect(response.status).toBe(200);
      counts.push(response.headers.get('x-query-count')!);
    }
    // The session check, every section in one statement, the audit row.
    expect(counts[0]).toBe('3');
    expect(counts[1]).toBe(counts[0]);
  });

  it('answers 404 for another patient’s record and 403 to front desk and billing', async () => {
    const a = await signedInPatient(testApp);
    const b = await signedInPatient(testApp);
    const record = await fullRecord(b.patient.id);
    const urls = (patientId: string) => [
      `${base(patientId)}/health-summary`,
      `${base(patientId)}/health-record.pdf`,
      `${base(patientId)}/health-record.fhir.json`,
      `${base(patientId)}/results/${record.released}/report.pdf`,
      `${base(patientId)}/visit-summaries/${record.visitId}/summary.pdf`,
    ];
    for (const url of urls(b.patient.id)) {
      expect({ url, status: (await a.get(url)).status }).toEqual({ url, status: 404 });
    }
    // B's report and visit under A's own record: not found either.
    for (const url of urls(a.patient.id).slice(3)) {
      const response = await a.get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
    }
    // B's own held report is not B's to download yet.
    expect((await b.get(`${base(b.patient.id)}/results/${record.held}/report.pdf`)).status).toBe(
      404,
    );
    for (const role of ['front-desk', 'billing'] as const) {
      const staff = await signedInStaff(testApp, [role]);
      for (const url of urls(b.patient.id)) {
        const response = await staff.get(url);
        expect({ role, url, status: response.status }).toEqual({ role, url, status: 403 });
      }
    }
    // Nothing was exported: B's trail holds only the refusals (test/security/audit-denials).
    const outcomes: { outcome: string }[] = await db.query(
      `SELECT DISTINCT outcome FROM audit_event WHERE patient_id = $1 AND action NOT LIKE 'auth.%'`,
      [b.patient.id],
    );
    expect(outcomes.map((row) => row.outcome).sort()).toEqual(['denied', 'failure']);
  });

  it('writes the record as a paginated PDF with a header on every page', async () => {
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const record = await fullRecord(id);
    await insertReport(db, id, { title: 'Long panel', bulk: 300 });
    const familyName = `Lindqvist${id.slice(-6)}`;
    await db.query(`UPDATE patient SET given_name = 'Maria', family_name = $2 WHERE id = $1`, [
      id,
      familyName,
    ]);

    const response = await raw(patient, `${base(id)}/health-record.pdf`);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="health-record.pdf"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The clinic's logo is in it (an image object).
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
    // pdf.js takes over the bytes it reads, so each reader gets its own copy.
    const pages = await pdfPages(bytes.slice());
    expect(pages.length).toBeGreaterThan(1);
    expect(await pdfTextUpright(bytes)).toBe(true);
    pages.forEach((text, index) => {
      expect(text).toContain(`Maria ${familyName}`);
      expect(text).toContain('Date of birth: February 29, 1980');
      expect(text).toMatch(/Generated \w+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC/);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    // Whose record it is a copy of, once, above the title (the logo beside it).
    expect(pages[0]).toContain(testApp.config.clinicName);
    expect(pages.slice(1).join('\n')).not.toContain(testApp.config.clinicName);
    const all = pages.join('\n');
    for (const heading of ['Conditions', 'Allergies', 'Immunizations', 'Care plans']) {
      expect(all).toContain(heading);
    }
    expect(all).toContain('Essential (primary) hypertension');
    expect(all).toContain('Penicillin');
    expect(all).not.toContain('Peanuts'); // entered in error
    expect(all).toMatch(/6\.4\s+%\s+4–5\.6\s+High/);
    expect(all).toContain('5.2 (corrected)');
    expect(all).toContain('Check your blood pressure at home twice a week.');
    // Held results are not the patient's yet; staff see them.
    expect(all).not.toContain('Held lipid panel');
    expect(all).not.toContain('9.9');
    const staffPages = await pdfOf(provider, `${base(id)}/health-record.pdf`);
    expect(staffPages.join('\n')).toContain('Held lipid panel');

    const one = await pdfOf(patient, `${base(id)}/results/${record.released}/report.pdf`);
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('Hemoglobin A1c');
    expect(one[0]).toContain('Page 1 of 1');
    expect(one[0]).not.toContain('Corrected A1c');
    const visit = await pdfOf(patient, `${base(id)}/visit-summaries/${record.visitId}/summary.pdf`);
    expect(visit[0]).toContain(record.clinic.provider.displayName);
    expect(visit[0]).toContain('Come back in 3 months.');

    expect(await auditActions(id)).toEqual([
      'health-record.pdf',
      'health-record.pdf',
      'result.pdf',
      'visit-summary.pdf',
    ]);
  });

  it('writes the times of a PDF in the reader’s time zone, and refuses a zone it does not know', async () => {
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const record = await fullRecord(id);
    const [report] = await db.query('SELECT effective_at FROM result_report WHERE id = $1', [
      record.released,
    ]);
    const path = `${base(id)}/results/${record.released}/report.pdf`;
    const collected = (zone: string, name: string) =>
      `Collected ${DateTime.fromJSDate(report.effective_at, { zone }).toFormat('LLLL d, yyyy, HH:mm')} ${name}`;
    const inUtc = (await pdfOf(patient, path))[0]!;
    expect(inUtc).toContain(collected('UTC', 'UTC'));

    const chicago = (await pdfOf(patient, `${path}?timeZone=America%2FChicago`))[0]!;
    const name = DateTime.fromJSDate(report.effective_at, { zone: 'America/Chicago' }).toFormat(
      'ZZZZ',
    );
    expect(['CST', 'CDT']).toContain(name);
    expect(chicago).toContain(collected('America/Chicago', name));
    expect(chicago).toMatch(new RegExp(`Generated \\w+ \\d{1,2}, \\d{4}, \\d{2}:\\d{2} (CST|CDT)`));

    for (const zone of ['Mars/Olympus', '+05:00', '']) {
      const refused = await patient.get(`${path}?timeZone=${encodeURIComponent(zone)}`);
      expect(refused.status).toBe(400);
      expect(refused.body!.errors).toEqual([
        { field: 'timeZone', message: 'Give a time zone like America/Chicago.' },
      ]);
    }
  });

  it('exports a FHIR R4 Bundle that validates, without held results for the patient', async () => {
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const record = await fullRecord(id);

    const bundle = await bundleOf(patient, id);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhirErrors({ ...bundle, entry: [] })).toEqual([]);
    for (const entry of bundle.entry) {
      const { resource } = entry;
      expect(entry.fullUrl).toBe(`urn:uuid:${resource.id}`);
      expect({
        id: resource.id,
        type: resource.resourceType,
        errors: fhirErrors(resource),
      }).toEqual({ id: resource.id, type: resource.resourceType, errors: [] });
    }
    const byType = (type: string) =>
      bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
    expect(byType('Patient')).toEqual([expect.objectContaining({ id, birthDate: '1980-02-29' })]);
    expect(byType('Condition').map((c) => c.code.coding[0])).toEqual([
      {
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'I10',
        display: 'Essential (primary) hypertension',
      },
    ]);
    expect(byType('AllergyIntolerance')).toHaveLength(1);
    expect(byType('Immunization')[0]!.vaccineCode.coding[0].system).toBe(
      'http://hl7.org/fhir/sid/cvx',
    );
    const a1c = byType('Observation').find((o) => o.valueQuantity?.value === 6.4)!;
    expect(a1c).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
      valueQuantity: { unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      referenceRange: [{ low: { value: 4 }, high: { value: 5.6 } }],
      interpretation: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
              code: 'H',
            },
          ],
        },
      ],
    });
    const reports = byType('DiagnosticReport');
    expect(reports.map((r) => r.id).sort()).toEqual([record.released, record.corrected].sort());
    expect(reports.find((r) => r.id === record.released)!.result).toEqual([
      { reference: `urn:uuid:${a1c.id}` },
    ]);
    expect(byType('Observation').some((o) => o.valueQuantity?.value === 9.9)).toBe(false);
    expect(byType('Encounter')[0]!.reasonCode[0].coding[0].code).toBe('I10');
    expect(byType('CarePlan')[0]!.addresses).toEqual([
      { reference: `urn:uuid:${record.conditionId}` },
    ]);
    expect(byType('Goal')).toHaveLength(1);
    expect(byType('CarePlan')[0]!.goal).toEqual([
      { reference: `urn:uuid:${byType('Goal')[0]!.id}` },
    ]);

    const staffBundle = await bundleOf(provider, id);
    expect(staffBundle.entry.some((e) => e.resource.id === record.held)).toBe(true);
    expect(await auditActions(id)).toEqual(['health-record.fhir', 'health-record.fhir']);
  });

  it('has a validator that catches a broken resource', () => {
    expect(
      fhirErrors({
        resourceType: 'Observation',
        id: 'x',
        status: 'not-a-status',
        code: { text: 'Glucose' },
        valueQuantity: { value: 'high' },
      }).length,
    ).toBeGreaterThan(0);
    // Missing the required status and code.
    expect(fhirErrors({ resourceType: 'Observation', id: 'y' }).length).toBeGreaterThan(0);
  });
});
