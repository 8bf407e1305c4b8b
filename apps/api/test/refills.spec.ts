import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import { signedInPatient } from './support/appointment-flow.js';
import { bundleSchemaErrors, fhirErrors } from './support/record-export-fhir.js';
import { signedInStaff } from './support/invitation-flow.js';
import { addMedication, createPharmacy, refillsOf, requestRefill } from './support/refills.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

const CLINIC_PHONE = '+1 555 010 7777';

describe('prescription refills', () => {
  let testApp: TestApp;
  let db: DataSource;
  let nurse: Staff;
  let provider: Staff;
  let pharmacy: Awaited<ReturnType<typeof createPharmacy>>;

  beforeAll(async () => {
    testApp = await startTestApp({
      STAFF_SECOND_FACTOR_REQUIRED: 'false',
      CLINIC_PHONE,
    });
    db = testApp.app.get(getDataSourceToken());
    nurse = await signedInStaff(testApp, ['nurse']);
    provider = await signedInStaff(testApp, ['provider']);
    pharmacy = await createPharmacy(db);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const count = (response: { headers: Headers }) =>
    Number(response.headers.get(QUERY_COUNT_HEADER));
  const historyOf = (view: Body) =>
    (view.history as Body[]).map((entry) => [entry.fromStatus, entry.toStatus, entry.byKind]);
  const rowCount = async (sql: string, params: unknown[]) =>
    Number(((await db.query(sql, params)) as { n: string }[])[0]!.n);

  describe('the pharmacy directory and the preferred pharmacy', () => {
    it('finds pharmacies by the start of the name, the city or the ZIP code, paged by name', async () => {
      const patient = await signedInPatient(testApp);
      const word = `Zq${Date.now().toString(36)}`;
      const made = [];
      for (const suffix of ['C', 'A', 'B']) {
        made.push(await createPharmacy(db, { name: `${word} ${suffix}`, city: `City${word}` }));
      }
      const base = `/api/v1/patients/${patient.patient.id}/pharmacies`;
      const first = await patient.get(`${base}?q=${word.toLowerCase()}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body!.items.map((p: Body) => p.name)).toEqual([`${word} A`, `${word} B`]);
      expect(first.body!.items[0]).toEqual({
        id: made[1]!.id,
        ncpdpId: made[1]!.ncpdpId,
        name: `${word} A`,
        addressLine: '1 Main Street',
        city: `City${word}`,
        region: 'IL',
        postalCode: made[1]!.postalCode,
        phone: '+1 555 010 3000',
      });
      const second = await patient.get(
        `${base}?q=${word}&limit=2&cursor=${first.body!.nextCursor}`,
      );
      expect(second.body!.items.map((p: Body) => p.name)).toEqual([`${word} C`]);
      expect(second.body!.nextCursor).toBeNull();
      const byCity = await patient.get(`${base}?q=city${word}`);
      expect(byCity.body!.items).toHaveLength(3);
      const byZip = await patient.get(`${base}?q=${made[0]!.postalCode}`);
      expect(byZip.body!.items.map((p: Body) => p.id)).toContain(made[0]!.id);
      // Wildcards are taken literally.
      const wildcard = await patient.get(`${base}?q=%25${word}`);
      expect(wildcard.body!.items).toEqual([]);
      const bad = await patient.get(`${base}?cursor=nope`);
      expect([bad.status, bad.body!.code]).toEqual([400, 'validation_failed']);
    });

    it('keeps one preferred pharmacy per patient, and refuses one not in the directory', async () => {
      const patient = await signedInPatient(testApp);
      const path = `/api/v1/patients/${patient.patient.id}/preferred-pharmacy`;
      expect((await patient.get(path)).body).toEqual({ pharmacy: null });
      const set = await patient.request('PUT', path, { pharmacyId: pharmacy.id });
      expect([set.status, set.body!.pharmacy.id]).toEqual([200, pharmacy.id]);
      const other = await createPharmacy(db);
      await patient.request('PUT', path, { pharmacyId: other.id });
      expect((await patient.get(path)).body!.pharmacy.id).toBe(other.id);
      const unknown = await patient.request('PUT', path, {
        pharmacyId: '01900000-0000-7000-8000-000000000001',
      });
      expect([unknown.status, unknown.body!.code]).toEqual([404, 'pharmacy_not_found']);
      const invalid = await patient.request('PUT', path, { pharmacyId: 'x', extra: 1 });
      expect(invalid.status).toBe(400);
    });
  });

  describe('a patient’s requests', () => {
    it('makes one request per medication, a renewal when no refills remain, routed to the prescriber', async () => {
      const patient = await signedInPatient(testApp);
      const refill = await addMedication(db, patient.patient.id, { refillsRemaining: 2 });
      const renewal = await addMedication(db, patient.patient.id, {
        refillsRemaining: 0,
        prescriber: 'Dr. Ana Ruiz',
      });
      const made = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [refill, renewal],
        pharmacyId: pharmacy.id,
        note: 'Three days left.',
      });
      expect(made.status).toBe(201);
      const [first, second] = made.body!.items as Body[];
      expect(made.body!.items).toHaveLength(2);
      const byMedication = new Map([first, second].map((item) => [item!.medicationId, item!]));
      expect(byMedication.get(refill)).toMatchObject({
        kind: 'refill',
        status: 'requested',
        statusText: 'Requested',
        version: 1,
        prescriber: 'Dr. Priya Shah',
        note: 'Three days left.',
        pharmacy: { id: pharmacy.id, ncpdpId: pharmacy.ncpdpId },
        sendStatus: null,
        decidedAt: null,
      });
      expect(byMedication.get(renewal)).toMatchObject({
        kind: 'renewal',
        prescriber: 'Dr. Ana Ruiz',
      });
      expect(historyOf(first!)).toEqual([[null, 'requested', 'patient']]);
      // The medication view shows whether it is controlled.
      const medications = await patient.get(`/api/v1/patients/${patient.patient.id}/medications`);
      expect(medications.body!.items.map((m: Body) => m.controlled)).toEqual([false, false]);
    });

    it('uses the preferred pharmacy when none is named, and asks for one when there is none', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id);
      const none = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [medication],
      });
      expect([none.status, none.body!.code]).toEqual([422, 'pharmacy_required']);
      expect(none.headers.get('content-type')).toContain('application/problem+json');
      await patient.request('PUT', `/api/v1/patients/${patient.patient.id}/preferred-pharmacy`, {
        pharmacyId: pharmacy.id,
      });
      const made = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [medication],
      });
      expect([made.status, made.body!.items[0].pharmacy.id]).toEqual([201, pharmacy.id]);
    });

    it('answers 409 naming the open request when a medication is already requested', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id);
      const [open] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
      const again = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [medication],
        pharmacyId: pharmacy.id,
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'refill_already_requested',
        errors: [{ field: 'medicationIds.0' }],
      });
      expect(again.body!.detail).toContain(open!.id);
      // Once it is cancelled, a new one may be made.
      const cancelled = await patient.post(
        `${refillsOf(patient.patient.id)}/${open!.id}/cancel`,
        {},
      );
      expect([cancelled.status, cancelled.body!.status]).toEqual([200, 'cancelled']);
      await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
    });

    it('lets staff mark a medication controlled, which the patient then calls about', async () => {
      const patient = await signedInPatient(testApp);
      const path = `/api/v1/patients/${patient.patient.id}/medications`;
      const made = await provider.post(path, {
        rxnormCode: '314076',
        startDate: '2024-03-01',
        controlled: true,
      });
      expect([made.status, made.body!.controlled]).toEqual([201, true]);
      const cleared = await provider.request('PATCH', `${path}/${made.body!.id}`, {
        version: 1,
        controlled: null,
      });
      expect([cleared.status, cleared.body!.errors?.[0]?.field]).toEqual([400, 'controlled']);
      const refused = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [made.body!.id],
        pharmacyId: pharmacy.id,
      });
      expect([refused.status, refused.body!.code]).toEqual([422, 'controlled_substance']);
      const plain = await provider.post(path, { rxnormCode: '314076', startDate: '2024-03-01' });
      expect(plain.body!.controlled).toBe(false);
    });

    it('keeps one open request per medication when the same request is sent several times at once', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          patient.post(refillsOf(patient.patient.id), {
            medicationIds: [medication],
            pharmacyId: pharmacy.id,
          }),
        ),
      );
      const created = answers.filter((answer) => answer.status === 201);
      expect(created).toHaveLength(1);
      const winner = created[0]!.body!.items[0].id as string;
      for (const answer of answers.filter((a) => a.status !== 201)) {
        expect([answer.status, answer.body!.code]).toEqual([409, 'refill_already_requested']);
        expect(answer.body!.detail).toContain(winner);
      }
    });

    it('refuses a controlled substance with the clinic’s phone, and saves nothing of a refused request', async () => {
      const patient = await signedInPatient(testApp);
      const fine = await addMedication(db, patient.patient.id);
      const controlled = await addMedication(db, patient.patient.id, { controlled: true });
      const refused = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [fine, controlled],
        pharmacyId: pharmacy.id,
      });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'controlled_substance',
        errors: [{ field: 'medicationIds.1' }],
      });
      expect(refused.body!.detail).toContain(CLINIC_PHONE);
      const stopped = await addMedication(db, patient.patient.id, { status: 'stopped' });
      const notActive = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [fine, stopped],
        pharmacyId: pharmacy.id,
      });
      expect([notActive.status, notActive.body!.code]).toEqual([422, 'medication_not_active']);
      const other = await signedInPatient(testApp);
      const notOwn = await addMedication(db, other.patient.id);
      const foreign = await patient.post(refillsOf(patient.patient.id), {
        medicationIds: [fine, notOwn],
        pharmacyId: pharmacy.id,
      });
      expect([foreign.status, foreign.body!.errors]).toEqual([
        400,
        [{ field: 'medicationIds.1', message: 'Choose one of the medications on your list.' }],
      ]);
      for (const body of [
        { medicationIds: [] },
        { medicationIds: [fine, fine], pharmacyId: pharmacy.id },
        { medicationIds: ['nope'] },
        { medicationIds: [fine], pharmacyId: pharmacy.id, note: 'x'.repeat(1001) },
        { medicationIds: [fine], pharmacyId: pharmacy.id, extra: true },
      ]) {
        const bad = await patient.post(refillsOf(patient.patient.id), body);
        expect([bad.status, bad.body!.code]).toEqual([400, 'validation_failed']);
      }
      expect(
        await rowCount(`SELECT count(*) AS n FROM refill_request WHERE patient_id = $1`, [
          patient.patient.id,
        ]),
      ).toBe(0);
      const audit = (await db.query(
        `SELECT outcome, reason FROM audit_event WHERE patient_id = $1 AND action = 'refill.request'`,
        [patient.patient.id],
      )) as Body[];
      expect(audit).toContainEqual({ outcome: 'failure', reason: 'controlled_substance' });
    });

    it('lists the patient’s own requests newest first with their timelines, and hides others’', async () => {
      const patient = await signedInPatient(testApp);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const medication = await addMedication(db, patient.patient.id);
        const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
        ids.push(made!.id);
      }
      const first = await patient.get(`${refillsOf(patient.patient.id)}?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body!.items.map((r: Body) => r.id)).toEqual([ids[2], ids[1]]);
      const rest = await patient.get(
        `${refillsOf(patient.patient.id)}?limit=2&cursor=${first.body!.nextCursor}`,
      );
      expect(rest.body!.items.map((r: Body) => r.id)).toEqual([ids[0]]);
      await nurse.post(`/api/v1/refill-requests/${ids[0]}/review`, {});
      const one = await patient.get(`${refillsOf(patient.patient.id)}/${ids[0]}`);
      expect(historyOf(one.body!)).toEqual([
        [null, 'requested', 'patient'],
        ['requested', 'in_review', 'staff'],
      ]);
      // Another patient learns nothing.
      const other = await signedInPatient(testApp);
      const foreign = await other.get(`${refillsOf(other.patient.id)}/${ids[0]}`);
      expect([foreign.status, foreign.body!.code]).toEqual([404, 'refill_request_not_found']);
      const cancel = await other.post(`${refillsOf(other.patient.id)}/${ids[0]}/cancel`, {});
      expect(cancel.status).toBe(404);
      const reads = await rowCount(
        `SELECT count(*) AS n FROM audit_event WHERE patient_id = $1 AND action IN ('refill.list', 'refill.read')`,
        [patient.patient.id],
      );
      expect(reads).toBe(3);
    });

    it('lets a patient cancel only while the request is open', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id);
      const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
      await nurse.post(`/api/v1/refill-requests/${made!.id}/approve`, {});
      const late = await patient.post(`${refillsOf(patient.patient.id)}/${made!.id}/cancel`, {});
      expect([late.status, late.body!.code]).toEqual([409, 'refill_state_conflict']);
      expect(late.body!.detail).toContain('approved');
    });
  });

  it('exports refill requests in the FHIR Bundle as MedicationRequests: proposals, and orders once approved', async () => {
    const patient = await signedInPatient(testApp);
    const [a, b] = [
      await addMedication(db, patient.patient.id),
      await addMedication(db, patient.patient.id, { refillsRemaining: 0 }),
    ];
    const made = await requestRefill(patient, patient.patient.id, [a, b], pharmacy.id);
    const approvedId = made.find((item) => item.medicationId === a)!.id as string;
    await provider.post(`/api/v1/refill-requests/${approvedId}/approve`, { refills: 2 });
    const response = await testApp.fetch(
      `/api/v1/patients/${patient.patient.id}/health-record.fhir.json`,
      {
        headers: {
          cookie: [...patient.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      },
    );
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as { entry: { resource: Body }[] };
    expect(bundleSchemaErrors(bundle)).toEqual([]);
    const refills = bundle.entry
      .map((entry) => entry.resource)
      .filter((resource) => made.some((item) => item.id === resource.id));
    for (const resource of refills) expect(fhirErrors(resource)).toEqual([]);
    const byId = new Map(refills.map((resource) => [resource.id as string, resource]));
    expect(byId.get(approvedId)).toMatchObject({
      resourceType: 'MedicationRequest',
      intent: 'order',
      status: 'completed',
      priorPrescription: { reference: `urn:uuid:${a}` },
      dispenseRequest: {
        numberOfRepeatsAllowed: 2,
        quantity: { value: 30 },
        performer: { identifier: { value: pharmacy.ncpdpId }, display: pharmacy.name },
      },
    });
    const renewal = made.find((item) => item.medicationId === b)!.id as string;
    expect(byId.get(renewal)).toMatchObject({
      intent: 'proposal',
      status: 'active',
      category: [{ text: 'Prescription renewal' }],
    });
    // The prescription it refills is in the Bundle too.
    expect(bundle.entry.some((entry) => entry.resource.id === a)).toBe(true);
  });

  describe('the staff side', () => {
    it('decides through the allowed moves only, answering 409 with the current state', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id, { refillsRemaining: 4 });
      const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
      const url = `/api/v1/refill-requests/${made!.id}`;
      const review = await nurse.post(`${url}/review`, { version: 1 });
      expect([review.status, review.body!.status, review.body!.version]).toEqual([
        200,
        'in_review',
        2,
      ]);
      const again = await nurse.post(`${url}/review`, {});
      expect([again.status, again.body!.code]).toEqual([409, 'refill_state_conflict']);
      expect(again.body!.detail).toContain('in_review');
      const stale = await provider.post(`${url}/approve`, { version: 1 });
      expect(stale.status).toBe(409);
      const approved = await provider.post(`${url}/approve`, { version: 2 });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approvedQuantity: 30,
        approvedRefills: 3,
        sendStatus: 'waiting',
      });
      const deny = await provider.post(`${url}/deny`, { reasonCode: 'too-early' });
      expect([deny.status, deny.body!.code]).toEqual([409, 'refill_state_conflict']);
      const missing = await nurse.post(
        '/api/v1/refill-requests/01900000-0000-7000-8000-000000000002/review',
        {},
      );
      expect([missing.status, missing.body!.code]).toEqual([404, 'refill_request_not_found']);
      const desk = await signedInStaff(testApp, ['front-desk']);
      expect((await desk.post(`${url}/review`, {})).status).toBe(403);
      expect((await patient.post(`${url}/review`, {})).status).toBe(403);
    });

    it('denies with a listed reason or the reviewer’s words, and asks for appointments', async () => {
      const patient = await signedInPatient(testApp);
      const [a, b, c] = await Promise.all(
        [1, 2, 3].map(() => addMedication(db, patient.patient.id)),
      );
      const made = await requestRefill(patient, patient.patient.id, [a!, b!, c!], pharmacy.id);
      const [one, two, three] = made.map((item) => `/api/v1/refill-requests/${item.id}`);
      const listed = await provider.post(`${one}/deny`, { reasonCode: 'needs-lab-work' });
      expect(listed.body).toMatchObject({
        status: 'denied',
        denialReasonCode: 'needs-lab-work',
        decisionReason: 'Lab work is needed before this prescription can be refilled',
      });
      const noWords = await provider.post(`${two}/deny`, { reasonCode: 'other' });
      expect([noWords.status, noWords.body!.errors[0].field]).toEqual([400, 'reason']);
      const words = await provider.post(`${two}/deny`, {
        reasonCode: 'other',
        reason: 'Please use the specialist’s prescription.',
      });
      expect(words.body!.decisionReason).toBe('Please use the specialist’s prescription.');
      const visit = await nurse.post(`${three}/needs-appointment`, {
        reason: 'Blood pressure check due.',
      });
      expect(visit.body).toMatchObject({ status: 'needs_appointment' });
      expect(visit.body!.history[1]).toMatchObject({
        fromStatus: 'requested',
        toStatus: 'needs_appointment',
        reason: 'Blood pressure check due.',
        byKind: 'staff',
        byName: nurse.account.displayName,
      });
      const unknownReason = await provider.post(`${three}/deny`, { reasonCode: 'bored' });
      expect(unknownReason.status).toBe(400);
    });

    it('lets exactly one of 50 simultaneous approvals win', async () => {
      const patient = await signedInPatient(testApp);
      const medication = await addMedication(db, patient.patient.id);
      const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? nurse : provider).post(`/api/v1/refill-requests/${made!.id}/approve`, {}),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(49);
      const loser = answers.find((answer) => answer.status === 409)!;
      expect(loser.body!.code).toBe('refill_state_conflict');
      expect(loser.body!.detail).toContain('approved');
      expect(
        await rowCount(
          `SELECT count(*) AS n FROM refill_history WHERE request_id = $1 AND to_status = 'approved' AND event = 'status'`,
          [made!.id],
        ),
      ).toBe(1);
    });

    it('keeps the history append-only for the application', async () => {
      await expect(db.query(`UPDATE refill_history SET reason = 'x' WHERE false`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(db.query(`DELETE FROM refill_history WHERE false`)).rejects.toThrow(
        /permission denied/,
      );
    });

    it('shows the queue oldest first with its filters, stale flags and context, in a fixed number of statements', async () => {
      const prescriber = `Dr. Queue ${Date.now()}`;
      const patient = await signedInPatient(testApp);
      const medications = [];
      for (let i = 0; i < 3; i += 1) {
        medications.push(await addMedication(db, patient.patient.id, { prescriber }));
      }
      const made = await requestRefill(patient, patient.patient.id, medications, pharmacy.id);
      const ids = made.map((item) => item.id as string).sort();
      // The first is five days old and untouched; an earlier, decided request of its medication.
      await db.query(
        `UPDATE refill_request SET requested_at = now() - interval '5 days', updated_at = now() - interval '5 days' WHERE id = $1`,
        [ids[0]],
      );
      const queue = (query: string) =>
        nurse.get(`/api/v1/refill-queue?prescriber=${encodeURIComponent(prescriber)}&${query}`);
      const page = await queue('limit=2');
      expect(page.status).toBe(200);
      expect(page.body!.items.map((item: Body) => item.id)).toEqual([ids[0], ids[1]]);
      expect(page.body!.items.map((item: Body) => item.stale)).toEqual([true, false]);
      expect(page.body!.items[0]).toMatchObject({
        patient: { id: patient.patient.id, mrn: expect.any(String), lastVisitAt: null },
        medication: { refillsRemaining: 3, lastFilledOn: '2024-05-01', recentRequests: [] },
        history: [{ toStatus: 'requested' }],
      });
      const next = await queue(`limit=2&cursor=${page.body!.nextCursor}`);
      expect(next.body!.items.map((item: Body) => item.id)).toEqual([ids[2]]);
      const old = await queue('olderThanDays=3');
      expect(old.body!.items.map((item: Body) => item.id)).toEqual([ids[0]]);
      await nurse.post(`/api/v1/refill-requests/${ids[1]}/review`, {});
      const inReview = await queue('status=in_review');
      expect(inReview.body!.items.map((item: Body) => item.id)).toEqual([ids[1]]);
      const elsewhere = await queue('locationId=01900000-0000-7000-8000-000000000003');
      expect(elsewhere.body!.items).toEqual([]);
      // A later request of the same medication shows the earlier one beside it.
      await nurse.post(`/api/v1/refill-requests/${ids[2]}/deny`, { reasonCode: 'too-early' });
      const medicationOf2 = made.find((item) => item.id === ids[2])!.medicationId as string;
      const [later] = await requestRefill(
        patient,
        patient.patient.id,
        [medicationOf2],
        pharmacy.id,
      );
      const withRecent = await queue('limit=100');
      const item = withRecent.body!.items.find((row: Body) => row.id === later!.id);
      expect(item.medication.recentRequests).toEqual([
        expect.objectContaining({ id: ids[2], status: 'denied' }),
      ]);
      // The same number of statements for a page of 1 and a page of 3.
      expect(count(await queue('limit=1'))).toBe(count(withRecent));
      const bad = await nurse.get('/api/v1/refill-queue?status=lost&olderThanDays=-1');
      expect(bad.body!.errors.map((e: Body) => e.field).sort()).toEqual([
        'olderThanDays',
        'status',
      ]);
    });

    it('approves routine requests in bulk and leaves renewals and closed ones alone', async () => {
      const patient = await signedInPatient(testApp);
      const routine = await addMedication(db, patient.patient.id, { refillsRemaining: 5 });
      const renewal = await addMedication(db, patient.patient.id, { refillsRemaining: 0 });
      const closed = await addMedication(db, patient.patient.id);
      const made = await requestRefill(
        patient,
        patient.patient.id,
        [routine, renewal, closed],
        pharmacy.id,
      );
      const byMedication = new Map(made.map((item) => [item.medicationId, item.id as string]));
      await patient.post(`${refillsOf(patient.patient.id)}/${byMedication.get(closed)}/cancel`, {});
      const result = await provider.post('/api/v1/refill-requests/bulk-approve', {
        requestIds: [
          byMedication.get(routine),
          byMedication.get(renewal),
          byMedication.get(closed),
        ],
      });
      expect(result.status).toBe(200);
      expect(result.body!.approved).toEqual([byMedication.get(routine)]);
      expect(result.body!.notApproved).toEqual([
        expect.objectContaining({ id: byMedication.get(renewal), status: 'requested' }),
        expect.objectContaining({ id: byMedication.get(closed), status: 'cancelled' }),
      ]);
      const approved = await nurse.get(`/api/v1/refill-requests/${byMedication.get(routine)}`);
      expect(approved.body).toMatchObject({ status: 'approved', approvedRefills: 4 });
    });

    it('reports requests per week and the median and 90th percentile time to decision per prescriber', async () => {
      const prescriber = `Dr. Report ${Date.now()}`;
      const patient = await signedInPatient(testApp);
      const medications = [];
      for (let i = 0; i < 3; i += 1) {
        medications.push(await addMedication(db, patient.patient.id, { prescriber }));
      }
      const made = await requestRefill(patient, patient.patient.id, medications, pharmacy.id);
      for (const item of made) await nurse.post(`/api/v1/refill-requests/${item.id}/approve`, {});
      // Decided 2, 4 and 10 hours after a request on 2020-01-08 (a Wednesday).
      for (const [index, hours] of [2, 4, 10].entries()) {
        await db.query(
          `UPDATE refill_request SET requested_at = '2020-01-08T09:00:00Z',
                  decided_at = timestamptz '2020-01-08T09:00:00Z' + make_interval(hours => $2)
            WHERE id = $1`,
          [made[index]!.id, hours],
        );
      }
      const report = await nurse.get(
        '/api/v1/refill-reports/turnaround?from=2020-01-06&to=2020-01-12',
      );
      expect(report.status).toBe(200);
      expect(report.body!.weeks).toContainEqual({
        weekStart: '2020-01-06',
        requested: expect.any(Number),
        decided: expect.any(Number),
      });
      expect(report.body!.prescribers).toContainEqual({
        prescriber,
        decided: 3,
        medianHours: 4,
        p90Hours: 8.8,
      });
      const backwards = await nurse.get(
        '/api/v1/refill-reports/turnaround?from=2020-01-12&to=2020-01-06',
      );
      expect(backwards.status).toBe(400);
    });
  });
});
