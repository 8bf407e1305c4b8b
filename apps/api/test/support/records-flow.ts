import { expect } from '@jest/globals';
import { createPatientAccount, TEST_PASSWORD } from './accounts.js';
import type { BrowserClient } from './browser-client.js';
import { newBrowser } from './invitation-flow.js';
import type { TestApp } from './test-app.js';

type Field = { field: string; message: string };

/** The field names a 400 answer lists. */
export const fieldsOf = (body: Record<string, unknown> | null): string[] =>
  ((body?.errors ?? []) as Field[]).map((error) => error.field);

export const messageFor = (body: Record<string, unknown> | null, field: string) =>
  ((body?.errors ?? []) as Field[]).find((error) => error.field === field)?.message;

/** A patient record with a portal account, signed in. */
export async function signedInPatient(testApp: TestApp) {
  const { patient, username } = await createPatientAccount(testApp);
  const browser = newBrowser(testApp);
  expect((await browser.login(username, TEST_PASSWORD)).status).toBe(200);
  return { browser, patient };
}

export function patch(client: BrowserClient, path: string, body: unknown) {
  return client.request('PATCH', path, body);
}

/** The calendar date `days` from today (UTC), YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * For each kind of record: its path, a valid new record, a valid correction (without the
 * version), a field the correction changes, and the status column's name.
 */
export const RECORD_KINDS = [
  {
    path: 'conditions',
    resourceType: 'condition',
    action: 'condition',
    statusField: 'clinicalStatus',
    create: { code: 'e11.9', onsetDate: '2019-03-04', note: 'Diet controlled at first.' },
    created: {
      code: 'E11.9',
      display: 'Type 2 diabetes mellitus without complications',
      plainName: 'Type 2 diabetes',
      codeSystem: 'ICD-10-CM',
      clinicalStatus: 'active',
      onsetDate: '2019-03-04',
      abatementDate: null,
    },
    correction: { code: 'E11.65', reason: 'Wrong code chosen' },
    corrected: { code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' },
  },
  {
    path: 'allergies',
    resourceType: 'allergy',
    action: 'allergy',
    statusField: 'clinicalStatus',
    create: {
      substance: 'Penicillin',
      category: 'medication',
      reaction: 'Hives',
      severity: 'moderate',
    },
    created: {
      substance: 'Penicillin',
      category: 'medication',
      reaction: 'Hives',
      severity: 'moderate',
      clinicalStatus: 'active',
      onsetDate: null,
    },
    correction: { severity: 'severe', reaction: null, reason: 'Confirmed with the patient' },
    corrected: { severity: 'severe', reaction: null, substance: 'Penicillin' },
  },
  {
    path: 'immunizations',
    resourceType: 'immunization',
    action: 'immunization',
    statusField: 'status',
    create: { cvxCode: '140', occurredOn: '2024-10-01', doseNumber: 1, site: 'Left deltoid' },
    created: {
      cvxCode: '140',
      display: 'Influenza, seasonal, injectable, preservative free',
      plainName: 'Flu shot',
      occurredOn: '2024-10-01',
      doseNumber: 1,
      site: 'Left deltoid',
      lotNumber: null,
      status: 'completed',
    },
    correction: { cvxCode: '150', lotNumber: 'FL2024A' },
    corrected: {
      cvxCode: '150',
      display: 'Influenza, injectable, quadrivalent, preservative free',
      lotNumber: 'FL2024A',
      site: 'Left deltoid',
    },
  },
  {
    path: 'visit-summaries',
    resourceType: 'visit_summary',
    action: 'visit-summary',
    statusField: 'status',
    create: {
      visitDate: '2024-11-05',
      diagnoses: [{ code: 'I10' }, { code: 'e78.5' }],
      instructions: 'Take your blood pressure at home\nevery morning.',
      followUp: 'In 3 months',
    },
    created: {
      visitDate: '2024-11-05',
      provider: null,
      location: null,
      appointmentId: null,
      diagnoses: [
        { code: 'I10', display: 'Essential (primary) hypertension' },
        { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
      ],
      instructions: 'Take your blood pressure at home\nevery morning.',
      followUp: 'In 3 months',
      status: 'final',
    },
    correction: { followUp: 'In 6 weeks', reason: 'Follow-up moved earlier' },
    corrected: { followUp: 'In 6 weeks', status: 'amended' },
  },
  {
    path: 'care-plans',
    resourceType: 'care_plan',
    action: 'care-plan',
    statusField: 'status',
    create: {
      title: 'Blood pressure plan',
      periodStart: '2024-01-15',
      goals: [
        { description: 'Blood pressure below 130/80', status: 'in-progress', target: '130/80' },
      ],
      activities: [{ description: 'Walk 30 minutes a day', status: 'in-progress' }],
    },
    created: {
      title: 'Blood pressure plan',
      description: null,
      status: 'active',
      periodStart: '2024-01-15',
      periodEnd: null,
      conditions: [],
    },
    correction: { periodEnd: '2024-12-31', status: 'completed' },
    corrected: { periodEnd: '2024-12-31', status: 'completed', title: 'Blood pressure plan' },
  },
] as const;
