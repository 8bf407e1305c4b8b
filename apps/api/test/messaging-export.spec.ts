import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedInPatient } from './support/appointment-flow.js';
import type { BrowserClient } from './support/browser-client.js';
import { signedInStaff } from './support/invitation-flow.js';
import { setUpMessaging, staffMessage, startConversation } from './support/messaging.js';
import { bundleSchemaErrors, fhirErrors } from './support/record-export-fhir.js';
import { pdfPages } from './support/record-export-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('messages in the whole-record downloads', () => {
  let testApp: TestApp;
  let patient: Awaited<ReturnType<typeof signedInPatient>>;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    await setUpMessaging(testApp);
    patient = await signedInPatient(testApp);
    const nurse = await signedInStaff(testApp, ['nurse']);
    const conversation = await startConversation(patient, { subject: 'Knee pain after running' });
    const path = `/api/v1/conversations/${conversation.id}/messages`;
    await nurse.post(path, staffMessage('note', 'Team only: check x-ray'));
    await nurse.post(path, staffMessage('reply', 'Rest it for a week and ice it.'));
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const download = (client: BrowserClient, file: string, query = '') =>
    testApp.fetch(`/api/v1/patients/${patient.patient.id}/${file}${query}`, {
      headers: {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      },
    });

  it('adds Communication entries to the FHIR Bundle only when asked', async () => {
    const plain = (await (await download(patient, 'health-record.fhir.json')).json()) as Body;
    expect(plain.entry.map((e: Body) => e.resource.resourceType)).not.toContain('Communication');
    const response = await download(patient, 'health-record.fhir.json', '?includeMessages=true');
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as Body;
    const messages = bundle.entry
      .map((e: Body) => e.resource)
      .filter((r: Body) => r.resourceType === 'Communication');
    expect(messages.map((m: Body) => m.payload[0].contentString)).toEqual([
      'My readings were higher this week.\nShould I change anything?',
      'Rest it for a week and ice it.',
    ]);
    expect(messages[0]).toMatchObject({
      status: 'completed',
      topic: { text: 'Knee pain after running' },
      category: [{ text: 'Medical question' }],
      sender: { reference: `urn:uuid:${patient.patient.id}` },
    });
    expect(JSON.stringify(bundle)).not.toContain('Team only');
    expect(bundleSchemaErrors(bundle)).toEqual([]);
    for (const message of messages) expect(fhirErrors(message)).toEqual([]);
    const refused = await download(patient, 'health-record.fhir.json', '?includeMessages=maybe');
    expect(refused.status).toBe(400);
  });

  it('adds a messages section to the PDF only when asked', async () => {
    const without = await download(patient, 'health-record.pdf');
    expect((await pdfPages(new Uint8Array(await without.arrayBuffer()))).join(' ')).not.toContain(
      'Messages with your care team',
    );
    const withMessages = await download(patient, 'health-record.pdf', '?includeMessages=true');
    expect(withMessages.status).toBe(200);
    const text = (await pdfPages(new Uint8Array(await withMessages.arrayBuffer()))).join(' ');
    expect(text).toContain('Messages with your care team');
    expect(text).toContain('Knee pain after running (Medical question)');
    expect(text).toContain('Rest it for a week and ice it.');
    expect(text).not.toContain('Team only');
  });
});
