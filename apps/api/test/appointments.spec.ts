import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { newId } from '../src/infra/database/ids.js';
import {
  book,
  bookingBody,
  insertAppointment,
  signedInPatient,
} from './support/appointment-flow.js';
import { addProvider, addVisitType, createClinic, localTime, offer } from './support/clinic.js';
import type { TestClinic } from './support/clinic.js';
import { mailsTo, readMail, signedInStaff } from './support/invitation-flow.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://portal.test';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('appointments', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;
  let desk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await startTestApp(
      {
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        STAFF_SECOND_FACTOR_REQUIRED: 'false',
        CANCEL_CUTOFF_HOURS: '24',
        BOOKING_HORIZON_DAYS: '90',
        MAX_FUTURE_ONLINE_BOOKINGS: '3',
        REMINDER_OFFSETS_HOURS: '72,24',
      },
      { runWorkers: true },
    );
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
    desk = await signedInStaff(testApp, ['front-desk']);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  /** A wall-clock time in the clinic's zone, some days from now. */
  const at = (clinic: TestClinic, days: number, time = '10:00') =>
    localTime(clock.now(), clinic.location.timeZone, days, time);
  const path = (patientId: string, appointmentId = '', suffix = '') =>
    `/api/v1/patients/${patientId}/appointments${appointmentId ? `/${appointmentId}` : ''}${suffix}`;
  const activeRows = async (providerId: string, startsAt: Date) =>
    db.query(
      `SELECT id, patient_id FROM appointment
        WHERE provider_id = $1 AND starts_at = $2 AND status <> 'cancelled'`,
      [providerId, startsAt],
    ) as Promise<{ id: string; patient_id: string }[]>;
  const auditRows = (patientId: string, action: string, outcome = 'success') =>
    db.query(`SELECT * FROM audit_event WHERE patient_id = $1 AND action = $2 AND outcome = $3`, [
      patientId,
      action,
      outcome,
    ]) as Promise<Record<string, unknown>[]>;
  const mailRows = (to: string) =>
    db.query(`SELECT template FROM mail_delivery WHERE recipient = $1 ORDER BY created_at`, [
      to,
    ]) as Promise<{ template: string }[]>;
  /** A GET read as it comes (BrowserClient parses JSON). */
  const rawGet = (browser: { cookies: Map<string, string> }, url: string) =>
    testApp.fetch(url, {
      headers: {
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      },
    });
  const arrived = (address: string, subject: RegExp) =>
    waitFor(() =>
      mailsTo(smtp.received, address)
        .map(readMail)
        .find((mail) => subject.test(mail.subject)),
    );

  it('books a patient’s own appointment, confirms it by email and lists it', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const startsAt = at(clinic, 5);
    const reason = 'Recurring chest pain, private';
    const booked = await book(patient, patient.patient.id, clinic, startsAt, { reason });
    expect(booked.status).toBe(201);
    // The request's statements are counted past the body's parsing too (its transaction).
    expect(Number(booked.headers.get('x-query-count'))).toBeGreaterThanOrEqual(8);
    const view = booked.body!;
    expect(view).toMatchObject({
      patientId: patient.patient.id,
      status: 'booked',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
      provider: { id: clinic.provider.id, displayName: clinic.provider.displayName },
      location: {
        id: clinic.location.id,
        name: clinic.location.name,
        timeZone: 'America/Chicago',
        phone: clinic.location.phone,
        active: true,
      },
      visitType: { id: clinic.visitType.id, durationMinutes: 30 },
      reason,
      bookedBy: 'patient',
      version: 1,
      cancelledAt: null,
      changeableUntil: new Date(startsAt.getTime() - DAY_MS).toISOString(),
      canChangeOnline: true,
    });
    expect(view.location.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    expect(view).not.toHaveProperty('reminders');

    const mail = await arrived(patient.patient.email!, /booked/);
    const zoneTime = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(startsAt); // "10:00 AM CST"
    expect(mail.text).toContain(zoneTime.replace(/\s/g, ' '));
    expect(mail.text).toMatch(/\w+day, \d{1,2} \w+ \d{4}, 10:00 AM C[DS]T/);
    expect(mail.text).toContain(clinic.location.name);
    expect(mail.text).toContain('500 Lake Shore Drive');
    expect(mail.text).toContain(`${PUBLIC_URL}/appointments/${view.id}`);
    for (const secret of [reason, clinic.provider.specialty, 'chest']) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
    }

    const listed = await patient.get(path(patient.patient.id));
    expect(listed.status).toBe(200);
    expect(listed.body!.items.map((item: { id: string }) => item.id)).toEqual([view.id]);
    expect(listed.body!.nextCursor).toBeNull();
    const one = await patient.get(path(patient.patient.id, view.id));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(view);

    // Staff see the reminders' state too.
    const staffView = await desk.get(path(patient.patient.id, view.id));
    expect(staffView.body!.reminders).toEqual([
      {
        offsetMinutes: 4320,
        dueAt: new Date(startsAt.getTime() - 3 * DAY_MS).toISOString(),
        state: 'scheduled',
        detail: null,
      },
      {
        offsetMinutes: 1440,
        dueAt: new Date(startsAt.getTime() - DAY_MS).toISOString(),
        state: 'scheduled',
        detail: null,
      },
    ]);

    for (const action of ['appointment.book', 'appointment.list', 'appointment.read']) {
      const rows = await auditRows(patient.patient.id, action);
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows[0]).toMatchObject({ resource_type: 'appointment' });
    }
    expect((await auditRows(patient.patient.id, 'appointment.book'))[0]).toMatchObject({
      resource_id: view.id,
      actor_kind: 'patient',
    });
  });

  it('refuses each booking rule with its own 422 and plain words', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const refused = async (response: Awaited<ReturnType<typeof book>>, code: string) => {
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code, status: 422 });
      expect(response.body!.title).toMatch(/^[A-Z][^_]+$/);
      expect(response.body!.detail).toMatch(/^[A-Z][^_]+\.$/);
    };

    await refused(
      await book(patient, id, clinic, new Date(clock.now().getTime() - HOUR_MS)),
      'in_past',
    );
    await refused(await book(patient, id, clinic, at(clinic, 95)), 'beyond_horizon');
    await refused(await book(patient, id, clinic, at(clinic, 3, '20:00')), 'outside_hours');
    await refused(await book(patient, id, clinic, at(clinic, 3, '17:45')), 'outside_hours');

    const offline = await addVisitType(db, clinic.provider.id, { bookableOnline: false });
    await refused(
      await book(patient, id, clinic, at(clinic, 3), { visitTypeId: offline.id }),
      'not_bookable_online',
    );
    const notOffered = await addVisitType(db, null);
    await refused(
      await book(patient, id, clinic, at(clinic, 3), { visitTypeId: notOffered.id }),
      'provider_does_not_offer_visit_type',
    );
    const forReturning = await addVisitType(db, clinic.provider.id, {
      patientStatus: 'established',
    });
    await refused(
      await book(patient, id, clinic, at(clinic, 3), { visitTypeId: forReturning.id }),
      'established_patients_only',
    );

    // Three upcoming bookings online is the most allowed.
    for (const day of [3, 4, 5]) {
      expect((await book(patient, id, clinic, at(clinic, day))).status).toBe(201);
    }
    await refused(await book(patient, id, clinic, at(clinic, 6)), 'too_many_bookings');

    // Overlapping the patient's own appointment, even with another provider.
    const other = await addProvider(db);
    await offer(db, other.id, clinic.visitType.id);
    await db.query(
      `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time, end_time, valid_from, created_at)
       SELECT gen_random_uuid(), $1, $2, d, '08:00', '18:00', current_date - 2, now()
         FROM generate_series(1, 7) AS d`,
      [other.id, clinic.location.id],
    );
    const second = await signedInPatient(testApp);
    expect((await book(second, second.patient.id, clinic, at(clinic, 7))).status).toBe(201);
    await refused(
      await book(second, second.patient.id, clinic, at(clinic, 7, '10:15'), {
        providerId: other.id,
      }),
      'overlaps_own_appointment',
    );

    // A patient with a completed visit is no longer new.
    const newOnly = await addVisitType(db, clinic.provider.id, { patientStatus: 'new' });
    const returning = await signedInPatient(testApp);
    await insertAppointment(
      db,
      clinic,
      returning.patient.id,
      new Date(clock.now().getTime() - 30 * DAY_MS),
      'completed',
    );
    await refused(
      await book(returning, returning.patient.id, clinic, at(clinic, 8), {
        visitTypeId: newOnly.id,
      }),
      'new_patients_only',
    );
    expect(
      (
        await book(returning, returning.patient.id, clinic, at(clinic, 8), {
          visitTypeId: forReturning.id,
        })
      ).status,
    ).toBe(201);

    // Unknown references are 422s too, and a bad body is a 400 naming the field.
    const unknown = await book(patient, id, clinic, at(clinic, 9), { providerId: newId() });
    expect(unknown.status).toBe(422);
    const invalid = await book(patient, id, clinic, at(clinic, 9), {
      startsAt: 'next tuesday',
      reason: 'x'.repeat(1001),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body!.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'reason',
      'startsAt',
    ]);
  });

  it('binds staff only by the past, the hours, double booking and the patient’s own overlaps', async () => {
    const clinic = await createClinic(db);
    const offline = await addVisitType(db, clinic.provider.id, {
      bookableOnline: false,
      patientStatus: 'new',
    });
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const far = await book(desk, id, clinic, at(clinic, 120), { visitTypeId: offline.id });
    expect(far.status).toBe(201);
    expect(far.body).toMatchObject({ bookedBy: 'staff' });
    for (const day of [3, 4, 5, 6]) {
      expect((await book(desk, id, clinic, at(clinic, day))).status).toBe(201);
    }
    const past = await book(desk, id, clinic, new Date(clock.now().getTime() - 60_000));
    expect(past.body).toMatchObject({ code: 'in_past' });
    expect((await book(desk, id, clinic, at(clinic, 10, '07:30'))).body).toMatchObject({
      code: 'outside_hours',
    });
    expect((await book(desk, id, clinic, at(clinic, 3, '10:15'))).body).toMatchObject({
      code: 'overlaps_own_appointment',
    });
    const other = await signedInPatient(testApp);
    expect((await book(desk, other.patient.id, clinic, at(clinic, 3, '10:15'))).body).toMatchObject(
      { code: 'slot_taken' },
    );
    // Staff bookings do not count against the patient's online limit.
    expect((await book(patient, id, clinic, at(clinic, 20))).status).toBe(201);
  });

  it('answers 409 slot_taken for a taken time and keeps nothing of the refused booking', async () => {
    const clinic = await createClinic(db);
    const first = await signedInPatient(testApp);
    const second = await signedInPatient(testApp);
    const startsAt = at(clinic, 4, '11:00');
    expect((await book(first, first.patient.id, clinic, startsAt)).status).toBe(201);
    const taken = await book(
      second,
      second.patient.id,
      clinic,
      new Date(startsAt.getTime() + 10 * 60_000),
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'slot_taken',
      title: 'That time is no longer available',
      detail: 'Someone else booked it a moment ago. Choose another time.',
    });
    expect(await mailRows(second.patient.email!)).toEqual([]);
    expect(await auditRows(second.patient.id, 'appointment.book')).toEqual([]);
    expect(await auditRows(second.patient.id, 'appointment.book', 'failure')).toHaveLength(1);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM appointment WHERE patient_id = $1`,
      [second.patient.id],
    );
    expect(count).toBe(0);
  });

  it('lets exactly one of 50 patients booking the same time at once have it', async () => {
    const clinic = await createClinic(db);
    const patients = await Promise.all(Array.from({ length: 50 }, () => signedInPatient(testApp)));
    const startsAt = at(clinic, 6, '09:00');
    const responses = await Promise.all(
      patients.map((p) => book(p, p.patient.id, clinic, startsAt)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.body).toMatchObject({ code: 'slot_taken' });
    }
    const rows = await db.query(`SELECT id, patient_id FROM appointment WHERE provider_id = $1`, [
      clinic.provider.id,
    ]);
    const winner = responses.find((r) => r.status === 201)!.body!;
    expect(rows).toEqual([{ id: winner.id, patient_id: winner.patientId }]);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM mail_delivery WHERE recipient = ANY($1::text[])`,
      [patients.map((p) => p.patient.email)],
    );
    expect(count).toBe(1);
  }, 120_000);

  it('keeps patients to their own appointments (404) and staff to their roles (403)', async () => {
    const clinic = await createClinic(db);
    const a = await signedInPatient(testApp);
    const b = await signedInPatient(testApp);
    const booked = await book(b, b.patient.id, clinic, at(clinic, 4));
    expect(booked.status).toBe(201);
    const appointmentB = booked.body!;
    const body = { version: 1, reason: 'Not mine' };

    for (const [method, url, payload] of [
      ['GET', path(b.patient.id), undefined],
      ['GET', path(b.patient.id, appointmentB.id), undefined],
      ['GET', path(b.patient.id, appointmentB.id, '/calendar.ics'), undefined],
      ['POST', path(b.patient.id), bookingBody(clinic, at(clinic, 5))],
      ['POST', path(b.patient.id, appointmentB.id, '/cancel'), body],
      [
        'POST',
        path(b.patient.id, appointmentB.id, '/reschedule'),
        { version: 1, startsAt: at(clinic, 5).toISOString() },
      ],
    ] as const) {
      const response = await a.request(method, url, payload);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
    }
    // B's appointment under A's own record: not found either, and unchanged.
    const viaOwn = await a.post(path(a.patient.id, appointmentB.id, '/cancel'), body);
    expect(viaOwn.status).toBe(404);
    expect(viaOwn.body).toMatchObject({ code: 'appointment_not_found' });
    expect((await a.get(path(a.patient.id, appointmentB.id))).status).toBe(404);
    expect((await a.get(path(a.patient.id, 'not-a-uuid'))).status).toBe(404);
    expect((await b.get(path(b.patient.id, appointmentB.id))).body).toMatchObject({
      status: 'booked',
      version: 1,
    });

    const billing = await signedInStaff(testApp, ['billing']);
    for (const url of [
      path(b.patient.id),
      path(b.patient.id, appointmentB.id),
      `/api/v1/schedule?providerId=${clinic.provider.id}&from=${clock.now().toISOString()}&to=${new Date(clock.now().getTime() + DAY_MS).toISOString()}`,
    ]) {
      expect((await billing.get(url)).status).toBe(403);
    }
    expect(
      (await billing.post(path(b.patient.id), bookingBody(clinic, at(clinic, 5)))).status,
    ).toBe(403);
    const nurse = await signedInStaff(testApp, ['nurse']);
    expect((await nurse.get(path(b.patient.id, appointmentB.id))).status).toBe(200);
    expect((await nurse.post(path(b.patient.id), bookingBody(clinic, at(clinic, 5)))).status).toBe(
      403,
    );
    expect((await nurse.post(path(b.patient.id, appointmentB.id, '/cancel'), body)).status).toBe(
      403,
    );
    // Patients may not set status marks, even on their own appointments.
    const own = await b.post(path(b.patient.id, appointmentB.id, '/status'), {
      version: 1,
      status: 'arrived',
    });
    expect(own.status).toBe(403);
  });

  it('reschedules atomically: the old time is free again, the new one taken, a taken one refused', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const other = await signedInPatient(testApp);
    const id = patient.patient.id;
    const oldTime = at(clinic, 5, '09:00');
    const newTime = at(clinic, 6, '14:00');
    const created = (await book(patient, id, clinic, oldTime)).body!;

    const moved = await patient.post(path(id, created.id, '/reschedule'), {
      version: 1,
      startsAt: newTime.toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: created.id,
      version: 2,
      startsAt: newTime.toISOString(),
      endsAt: new Date(newTime.getTime() + 30 * 60_000).toISOString(),
      status: 'booked',
    });
    const [row] = await db.query(
      `SELECT version, schedule_version FROM appointment WHERE id = $1`,
      [created.id],
    );
    expect(row).toEqual({ version: 2, schedule_version: 2 });
    const notice = await arrived(patient.patient.email!, /new time/);
    expect(notice.text).toMatch(/moved to \w+day, \d{1,2} \w+ \d{4}, 2:00 PM/);

    expect((await book(other, other.patient.id, clinic, oldTime)).status).toBe(201);
    const taken = await book(other, other.patient.id, clinic, newTime);
    expect(taken.body).toMatchObject({ code: 'slot_taken' });

    // Onto a taken time: refused, and the appointment stays as it was.
    const clash = await patient.post(path(id, created.id, '/reschedule'), {
      version: 2,
      startsAt: oldTime.toISOString(),
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'slot_taken' });
    const after = await patient.get(path(id, created.id));
    expect(after.body).toMatchObject({ version: 2, startsAt: newTime.toISOString() });
    expect(await activeRows(clinic.provider.id, newTime)).toEqual([
      { id: created.id, patient_id: id },
    ]);

    // Moving by 15 minutes overlaps its own old time: still one UPDATE, still fine.
    const nudged = await patient.post(path(id, created.id, '/reschedule'), {
      version: 2,
      startsAt: new Date(newTime.getTime() + 15 * 60_000).toISOString(),
    });
    expect(nudged.status).toBe(200);
    expect(nudged.body).toMatchObject({ version: 3 });
    expect(await auditRows(id, 'appointment.reschedule')).toHaveLength(2);
    expect(await auditRows(id, 'appointment.reschedule', 'failure')).toHaveLength(1);
  });

  it('answers 409 appointment_changed to a change based on an old version', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const created = (await book(patient, id, clinic, at(clinic, 5))).body!;
    expect(
      (
        await patient.post(path(id, created.id, '/reschedule'), {
          version: 1,
          startsAt: at(clinic, 5, '11:00').toISOString(),
        })
      ).status,
    ).toBe(200);
    for (const [suffix, body, who] of [
      ['/reschedule', { version: 1, startsAt: at(clinic, 5, '12:00').toISOString() }, patient],
      ['/cancel', { version: 1, reason: 'Changed my mind' }, patient],
      ['/status', { version: 1, status: 'no-show' }, desk],
    ] as const) {
      const stale = await who.post(path(id, created.id, suffix), body);
      expect({ suffix, status: stale.status, code: stale.body!.code }).toEqual({
        suffix,
        status: 409,
        code: 'appointment_changed',
      });
    }
    expect((await patient.get(path(id, created.id))).body).toMatchObject({
      version: 2,
      status: 'booked',
    });
  });

  it('lets patients cancel before the cutoff only, naming the phone; staff at any time', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    // Three hours from now, inside the 24-hour cutoff (written directly: hours do not matter).
    const soon = await insertAppointment(
      db,
      clinic,
      id,
      new Date(clock.now().getTime() + 3 * HOUR_MS),
    );
    const late = await patient.post(path(id, soon, '/cancel'), { version: 1, reason: 'Sick' });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'inside_cutoff' });
    expect(late.body!.detail).toContain(`Please call ${clinic.location.name} at +1 555 010 2000.`);
    const lateMove = await patient.post(path(id, soon, '/reschedule'), {
      version: 1,
      startsAt: at(clinic, 5).toISOString(),
    });
    expect(lateMove.body).toMatchObject({ code: 'inside_cutoff' });
    expect((await patient.get(path(id, soon))).body).toMatchObject({ canChangeOnline: false });

    const byStaff = await desk.post(path(id, soon, '/cancel'), {
      version: 1,
      reason: 'Patient called in sick',
    });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient called in sick',
      version: 2,
      canChangeOnline: false,
    });
    expect(byStaff.body!.cancelledAt).not.toBeNull();
    expect(byStaff.body!.reminders.map((r: { state: string }) => r.state)).toEqual([
      'not-scheduled',
      'not-scheduled',
    ]);
    const notice = await arrived(patient.patient.email!, /cancelled/);
    expect(notice.text).toContain(clinic.location.name);
    expect(notice.text).not.toContain('sick');

    const again = await desk.post(path(id, soon, '/cancel'), { version: 2, reason: 'Twice' });
    expect(again.body).toMatchObject({ code: 'not_cancellable' });

    // Cancelled by the patient in time: the time is free for someone else.
    const later = (await book(patient, id, clinic, at(clinic, 4))).body!;
    const cancelled = await patient.post(path(id, later.id, '/cancel'), {
      version: 1,
      reason: 'Found another time',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).not.toHaveProperty('reminders');
    const other = await signedInPatient(testApp);
    expect((await book(other, other.patient.id, clinic, at(clinic, 4))).status).toBe(201);
    const [row] = await db.query(`SELECT cancelled_by FROM appointment WHERE id = $1`, [later.id]);
    expect(row.cancelled_by).toBe('patient');
    expect(await auditRows(id, 'appointment.cancel')).toHaveLength(2);
  });

  it('offers a calendar file with the time in UTC and no private text', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const startsAt = at(clinic, 7, '15:30');
    const reason = 'Follow-up, with; a comma and semicolon\nand a second line';
    const created = (await book(patient, id, clinic, startsAt, { reason })).body!;
    expect(created.reason).toBe(reason);

    const response = await rawGet(patient, path(id, created.id, '/calendar.ics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="appointment.ics"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    const stamp = startsAt
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    expect(lines).toContain(`DTSTART:${stamp}`);
    expect(lines).toContain(`UID:${created.id}@portal`);
    expect(lines).toContain(`SUMMARY:Appointment at ${clinic.location.name}`);
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.find((l) => l.startsWith('LOCATION:'))).toBe(
      `LOCATION:${clinic.location.name}\\, 500 Lake Shore Drive\\, Springfield\\, IL 62701\\, US`,
    );
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain(
      `${PUBLIC_URL}/appointments/${created.id}`,
    );
    for (const secret of ['Follow-up', 'semicolon', clinic.provider.specialty]) {
      expect(text).not.toContain(secret);
    }
    expect(await auditRows(id, 'appointment.calendar')).toHaveLength(1);

    await desk.post(path(id, created.id, '/cancel'), { version: 1, reason: 'Clinic closed' });
    const cancelled = await rawGet(desk, path(id, created.id, '/calendar.ics'));
    expect(await cancelled.text()).toContain('STATUS:CANCELLED');
  });

  it('marks arrival, completion and missed visits, and undoes a mark', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const nurse = await signedInStaff(testApp, ['nurse']);
    const future = (await book(desk, id, clinic, at(clinic, 3))).body!;
    const early = await nurse.post(path(id, future.id, '/status'), {
      version: 1,
      status: 'arrived',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'status_not_allowed' });
    expect(early.body!.detail).toMatch(/day of the visit/);
    const completedEarly = await nurse.post(path(id, future.id, '/status'), {
      version: 1,
      status: 'completed',
    });
    expect(completedEarly.body).toMatchObject({ code: 'status_not_allowed' });
    expect(completedEarly.body!.detail).toMatch(/start time/);

    const started = await insertAppointment(
      db,
      clinic,
      id,
      new Date(clock.now().getTime() - 10 * 60_000),
    );
    const arrivedMark = await nurse.post(path(id, started, '/status'), {
      version: 1,
      status: 'arrived',
    });
    expect(arrivedMark.status).toBe(200);
    expect(arrivedMark.body).toMatchObject({ status: 'arrived', version: 2 });
    const completed = await nurse.post(path(id, started, '/status'), {
      version: 2,
      status: 'completed',
    });
    expect(completed.body).toMatchObject({ status: 'completed', version: 3 });
    expect(
      (await nurse.post(path(id, started, '/status'), { version: 3, status: 'no-show' })).body,
    ).toMatchObject({ code: 'status_not_allowed' });
    const undone = await nurse.post(path(id, started, '/status'), { version: 3, status: 'booked' });
    expect(undone.body).toMatchObject({ status: 'booked', version: 4 });
    const missed = await nurse.post(path(id, started, '/status'), {
      version: 4,
      status: 'no-show',
    });
    expect(missed.body).toMatchObject({ status: 'no-show', version: 5 });
    expect(
      (await desk.post(path(id, started, '/cancel'), { version: 5, reason: 'Late' })).body,
    ).toMatchObject({ code: 'not_cancellable' });
    expect(await auditRows(id, 'appointment.status')).toHaveLength(4);
  });

  it('pages a patient’s appointments by start, upcoming forwards and past backwards', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const upcomingIds: string[] = [];
    for (const day of [2, 3, 4, 5, 6]) {
      upcomingIds.push((await book(desk, id, clinic, at(clinic, day))).body!.id);
    }
    const pastIds: string[] = [];
    for (const days of [3, 2, 1]) {
      pastIds.push(
        await insertAppointment(
          db,
          clinic,
          id,
          new Date(clock.now().getTime() - days * DAY_MS),
          'completed',
        ),
      );
    }
    // Cancelled future appointments are in the past list (at their start's place).
    const cancelled = upcomingIds.pop()!;
    await desk.post(path(id, cancelled, '/cancel'), { version: 1, reason: 'Not needed' });

    const walk = async (when: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?when=${when}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await patient.get(`${path(id)}${query}`);
        expect(page.status).toBe(200);
        expect(page.body!.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body!.items.map((item: { id: string }) => item.id));
        cursor = page.body!.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('upcoming')).toEqual(upcomingIds);
    expect(await walk('past')).toEqual([cancelled, ...pastIds.slice().reverse()]);
    const bad = await patient.get(`${path(id)}?cursor=bm90LWEtY3Vyc29y`);
    expect(bad.status).toBe(400);
    expect(bad.body!.errors).toEqual([
      { field: 'cursor', message: 'This page link is not valid. Load the list again.' },
    ]);
  });

  it('shows staff a provider’s or a location’s schedule, auditing each patient shown', async () => {
    const clinic = await createClinic(db);
    const one = await signedInPatient(testApp);
    const two = await signedInPatient(testApp);
    const first = (await book(desk, one.patient.id, clinic, at(clinic, 3, '09:00'))).body!;
    const second = (await book(desk, two.patient.id, clinic, at(clinic, 3, '10:00'))).body!;
    const third = (await book(desk, two.patient.id, clinic, at(clinic, 3, '11:00'))).body!;
    await desk.post(path(two.patient.id, third.id, '/cancel'), { version: 1, reason: 'Moved' });
    const from = at(clinic, 3, '00:00').toISOString();
    const to = at(clinic, 4, '00:00').toISOString();
    const provider = await signedInStaff(testApp, ['provider']);

    const schedule = await provider.get(
      `/api/v1/schedule?providerId=${clinic.provider.id}&from=${from}&to=${to}`,
    );
    expect(schedule.status).toBe(200);
    expect(schedule.body!.truncated).toBe(false);
    expect(schedule.body!.items.map((item: { id: string }) => item.id)).toEqual([
      first.id,
      second.id,
    ]);
    const [patientRow] = await db.query(
      `SELECT mrn, given_name, family_name FROM patient WHERE id = $1`,
      [one.patient.id],
    );
    expect(schedule.body!.items[0]).toMatchObject({
      status: 'booked',
      patient: {
        id: one.patient.id,
        mrn: patientRow.mrn,
        displayName: `${patientRow.given_name} ${patientRow.family_name}`,
      },
      location: { id: clinic.location.id },
    });
    expect(schedule.body!.items[0]).not.toHaveProperty('reminders');
    expect(schedule.body!.hours).toEqual([
      {
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        startsAt: at(clinic, 3, '08:00').toISOString(),
        endsAt: at(clinic, 3, '18:00').toISOString(),
      },
    ]);
    for (const p of [one, two]) {
      expect(await auditRows(p.patient.id, 'schedule.read')).toHaveLength(1);
    }

    const byLocation = await desk.get(
      `/api/v1/schedule?locationId=${clinic.location.id}&from=${from}&to=${to}&includeCancelled=true`,
    );
    expect(byLocation.body!.items.map((item: { id: string }) => item.id)).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
    // A location's day names the hours of every provider with hours there (the day grid's).
    expect(byLocation.body!.hours).toEqual([
      {
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        startsAt: at(clinic, 3, '08:00').toISOString(),
        endsAt: at(clinic, 3, '18:00').toISOString(),
      },
    ]);

    const both = await desk.get(
      `/api/v1/schedule?providerId=${clinic.provider.id}&locationId=${clinic.location.id}&from=${from}&to=${to}`,
    );
    expect(both.status).toBe(400);
    const neither = await desk.get(`/api/v1/schedule?from=${from}&to=${to}`);
    expect(neither.status).toBe(400);
    const tooLong = await desk.get(
      `/api/v1/schedule?providerId=${clinic.provider.id}&from=${from}&to=${at(clinic, 13).toISOString()}`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body!.errors).toEqual([
      { field: 'to', message: 'Choose a range of at most 8 days.' },
    ]);
  });

  describe('SQL statements per request', () => {
    const count = (response: { headers: Headers }) => Number(response.headers.get('x-query-count'));

    it('stay the same for 3 appointments and for 300 (a patient’s list, a provider’s open times)', async () => {
      const small = await createClinic(db);
      const large = await createClinic(db);
      const few = await signedInPatient(testApp);
      const many = await signedInPatient(testApp);
      // Past visits for the lists; future busy times for the open-time search (arrived, so
      // no reminder jobs are made for them by later starts).
      const seed = async (clinic: TestClinic, patientId: string, n: number) => {
        await db.query(
          `INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at,
                                    status, booked_by, version, schedule_version, created_at, updated_at)
           SELECT gen_random_uuid(), $1, $2, $3, $4, s, s + interval '30 minutes', st, 'staff', 1, 1, now(), now()
             FROM (
               SELECT (date_trunc('day', now()) - (k || ' days')::interval - interval '3 days' + interval '15 hours') AS s, 'completed' AS st
                 FROM generate_series(1, $5) AS k
               UNION ALL
               SELECT ((((current_date + 1 + (k / 10))::timestamp + time '08:00' + make_interval(mins => 30 * (k % 10)))
                        AT TIME ZONE 'America/Chicago')), 'arrived'
                 FROM generate_series(0, $5 - 1) AS k
             ) AS t(s, st)`,
          [patientId, clinic.provider.id, clinic.location.id, clinic.visitType.id, n],
        );
      };
      await seed(small, few.patient.id, 3);
      await seed(large, many.patient.id, 300);

      const listCounts = [];
      for (const p of [few, many]) {
        for (const who of [p, desk]) {
          const response = await who.get(`${path(p.patient.id)}?when=past&limit=100`);
          expect(response.status).toBe(200);
          expect(response.body!.items.length).toBe(p === few ? 3 : 100);
          listCounts.push(count(response));
        }
      }
      expect(listCounts.every(Number.isInteger)).toBe(true);
      expect(listCounts[0]).toBeGreaterThan(0);
      // patient view (few, many) and staff view (few, many)
      expect(listCounts[2]).toBe(listCounts[0]);
      expect(listCounts[3]).toBe(listCounts[1]);

      const from = new Date(clock.now().getTime() + HOUR_MS);
      const to = new Date(from.getTime() + 30 * DAY_MS);
      const slotCounts = [];
      for (const clinic of [small, large]) {
        const response = await few.get(
          `/api/v1/slots?visitTypeId=${clinic.visitType.id}&providerId=${clinic.provider.id}` +
            `&from=${from.toISOString()}&to=${to.toISOString()}&limit=200`,
        );
        expect(response.status).toBe(200);
        expect(response.body!.items.length).toBeGreaterThan(0);
        slotCounts.push(count(response));
      }
      expect(slotCounts[0]).toBeGreaterThan(0);
      expect(slotCounts[1]).toBe(slotCounts[0]);
    }, 60_000);

    it('are told only by the test configuration', async () => {
      const response = await desk.get('/api/v1/auth/session');
      expect(response.headers.get('x-query-count')).toMatch(/^\d+$/);
      const development = await startTestApp({ NODE_ENV: 'development', SERVE_SPAS: 'false' });
      try {
        const plain = await development.fetch('/api/v1/auth/session');
        expect(plain.headers.has('x-query-count')).toBe(false);
      } finally {
        await development.close();
      }
    });
  });
});
