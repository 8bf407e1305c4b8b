import { randomUUID } from 'node:crypto';
import type { BrowserClient } from './browser-client.js';
import { signedInStaff, uniqueWord } from './invitation-flow.js';
import type { TestApp } from './test-app.js';

/** A response body, read loosely in tests. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const conversationsOf = (patientId: string) => `/api/v1/patients/${patientId}/conversations`;

/**
 * Pools of this test run (unique names) and the routing of every category to them, set by
 * an administrator through the API: clinical questions to a nurses' pool (2 business days),
 * billing to a billing pool, appointments to the front desk's.
 */
export async function setUpMessaging(testApp: TestApp) {
  const admin = await signedInStaff(testApp, ['admin']);
  const pool = async (department: string, extra: Record<string, unknown> = {}) => {
    const made = await admin.post('/api/v1/care-pools', {
      name: `${department} ${uniqueWord('P')}`,
      department,
      ...extra,
    });
    if (made.status !== 201) throw new Error(`pool: ${made.status} ${JSON.stringify(made.body)}`);
    return made.body as Body;
  };
  const nurses = await pool('clinical');
  const billing = await pool('billing');
  const desk = await pool('appointments');
  const routes: [string, Body, number][] = [
    ['medical-question', nurses, 2],
    ['prescription', nurses, 2],
    ['test-result', nurses, 2],
    ['other', nurses, 3],
    ['billing', billing, 3],
    ['appointment', desk, 1],
  ];
  for (const [category, target, days] of routes) {
    const set = await admin.request('PUT', `/api/v1/message-routing/${category}`, {
      poolId: target.id,
      answerWithinBusinessDays: days,
    });
    if (set.status !== 200) throw new Error(`routing: ${set.status} ${JSON.stringify(set.body)}`);
  }
  return { admin, pools: { nurses, billing, desk } };
}

export function newMessage(extra: Record<string, unknown> = {}) {
  return {
    clientMessageId: randomUUID(),
    category: 'medical-question',
    subject: 'Question about my blood pressure',
    body: 'My readings were higher this week.\nShould I change anything?',
    ...extra,
  };
}

export async function startConversation(
  patient: BrowserClient & { patient: { id: string } },
  extra: Record<string, unknown> = {},
): Promise<Body> {
  const made = await patient.post(conversationsOf(patient.patient.id), newMessage(extra));
  if (made.status !== 201) throw new Error(`start: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body!;
}

export function staffMessage(kind: 'reply' | 'note', body: string) {
  return { clientMessageId: randomUUID(), kind, body };
}

/** The smallest files of each kind the API takes, and one it refuses. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
export const HTML_BYTES = Buffer.from('<!doctype html><script>alert(1)</script>');

/** Uploads bytes as the SPA does: the raw file, its name percent-encoded in X-File-Name. */
export async function uploadFile(
  client: BrowserClient,
  patientId: string,
  bytes: Buffer,
  fileName: string,
  contentType = 'application/octet-stream',
) {
  if (!client.csrf) await client.get('/api/v1/auth/session');
  const response = await fetch(
    `${client.baseUrl}/api/v1/patients/${patientId}/message-attachments`,
    {
      method: 'POST',
      headers: {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        'x-csrf-token': client.csrf ?? '',
        'content-type': contentType,
        'x-file-name': encodeURIComponent(fileName),
      },
      body: bytes,
    },
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Body) : null,
  };
}
