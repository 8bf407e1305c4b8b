import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { QueueService } from '../src/infra/queue/queue.service.js';
import { RemindAppointmentJob } from '../src/modules/appointments/remind-appointment.job.js';
import { reminderJobId, RemindersService } from '../src/modules/appointments/reminders.service.js';
import { book, signedInPatient } from './support/appointment-flow.js';
import { createClinic, localTime, type TestClinic } from './support/clinic.js';
import { mailsTo, readMail, signedInStaff } from './support/invitation-flow.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PUBLIC_URL = 'https://portal.test';

// Every queue test runs on BullMQ's PostgreSQL backend, and on Redis too when REDIS_URL is set.
const backends: [backend: string, redisUrl: string][] = [
  ['postgres', ''],
  ...(process.env.REDIS_URL ? [['redis', process.env.REDIS_URL] as [string, string]] : []),
];

/** The part of a BullMQ job and queue these tests look at. */
interface QueuedJob {
  getState(): Promise<string>;
}
interface InspectableQueue {
  getJob(id: string): Promise<QueuedJob | undefined>;
  obliterate(options: { force: boolean }): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('appointment reminders on the %s backend', (backend, redisUrl) => {
  // Reminders 2 and 1 hours before the start, so a visit booked 1 hour and a few seconds
  // ahead has its second reminder due within seconds (BullMQ delays are real time).
  const env = {
    REDIS_URL: redisUrl,
    PUBLIC_URL,
    STAFF_SECOND_FACTOR_REQUIRED: 'false',
    REMINDER_OFFSETS_HOURS: '2,1',
    CANCEL_CUTOFF_HOURS: '24',
  };
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;
  let desk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await startTestApp({ ...env, SMTP_URL: smtp.url }, { runWorkers: true });
    expect(testApp.app.get(QueueService).backendKind).toBe(backend);
    await testApp.app.get(RemindersService).started();
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
    desk = await signedInStaff(testApp, ['front-desk']);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const remindersQueue = (app = testApp) =>
    app.app.get(QueueService).queue('reminders') as unknown as InspectableQueue;
  const job = (appointmentId: string, scheduleVersion: number, offsetMinutes: number) =>
    remindersQueue().getJob(reminderJobId(appointmentId, scheduleVersion, offsetMinutes));
  /** Open around the clock for the next days, so any near time can be booked. */
  const openClinic = () =>
    createClinic(db, {
      weeklyHours: null,
      extraHours: {
        from: new Date(clock.now().getTime() - HOUR),
        to: new Date(clock.now().getTime() + 3 * 24 * HOUR),
      },
    });
  const reminderMails = (address: string) =>
    mailsTo(smtp.received, address)
      .map(readMail)
      .filter((mail) => mail.subject.startsWith('Reminder'));
  const reminderRows = (address: string) =>
    db.query(
      `SELECT id FROM mail_delivery WHERE recipient = $1 AND template = 'appointment-reminder'`,
      [address],
    ) as Promise<{ id: string }[]>;
  const processedRows = (appointmentId: string) =>
    db.query(
      `SELECT schedule_version, offset_minutes, outcome, detail, mail_delivery_id
         FROM appointment_reminder WHERE appointment_id = $1
        ORDER BY schedule_version, offset_minutes`,
      [appointmentId],
    ) as Promise<Record<string, unknown>[]>;
  const bookSoon = async (clinic: TestClinic, patientId: string, secondsAfterHour: number) => {
    const startsAt = new Date(clock.now().getTime() + HOUR + secondsAfterHour * 1000);
    const response = await book(desk, patientId, clinic, startsAt, {
      reason: 'Private reason for the visit',
    });
    expect(response.status).toBe(201);
    return response.body!;
  };

  it('emails a booking’s reminder when it is due, in the location’s time, and only once', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp);
    const email = patient.patient.email!;
    const appointment = await bookSoon(clinic, patient.patient.id, 2);
    expect(appointment.reminders).toEqual([
      expect.objectContaining({
        offsetMinutes: 120,
        state: 'not-scheduled',
        detail: 'booked after this reminder was due',
      }),
      expect.objectContaining({ offsetMinutes: 60, state: 'scheduled', detail: null }),
    ]);
    expect(await job(appointment.id, 1, 120)).toBeUndefined();

    const mail = await waitFor(() => reminderMails(email)[0], 20_000);
    expect(mail.subject).toMatch(/^Reminder: your appointment on \w+day, \d{1,2} \w+$/);
    expect(mail.text).toContain(clinic.location.name);
    expect(mail.text).toMatch(/\w+day, \d{1,2} \w+ \d{4}, \d{1,2}:\d{2} [AP]M C[DS]T/);
    expect(mail.text).toContain(`${PUBLIC_URL}/appointments/${appointment.id}`);
    for (const secret of ['Private reason', clinic.provider.specialty]) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
    }
    const rows = await waitFor(async () => {
      const found = await processedRows(appointment.id);
      return found.length ? found : null;
    });
    expect(rows).toEqual([
      expect.objectContaining({ schedule_version: 1, offset_minutes: 60, outcome: 'sent' }),
    ]);
    expect(rows[0]!.mail_delivery_id).not.toBeNull();
    const staffView = await desk.get(
      `/api/v1/patients/${patient.patient.id}/appointments/${appointment.id}`,
    );
    expect(staffView.body!.reminders[1]).toMatchObject({ offsetMinutes: 60, state: 'sent' });

    // A second delivery of the same job (BullMQ delivers at least once) sends nothing more.
    await testApp.app
      .get(RemindAppointmentJob)
      .handle({ appointmentId: appointment.id, scheduleVersion: 1, offsetMinutes: 60 });
    await pause(1_500);
    expect(reminderMails(email)).toHaveLength(1);
    expect(await reminderRows(email)).toHaveLength(1);
  });

  it('sends one email when two deliveries of one reminder run at the same time', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp);
    const email = patient.patient.email!;
    const appointment = await bookSoon(clinic, patient.patient.id, 3 * 3600);
    expect(await (await job(appointment.id, 1, 120))?.getState()).toBe('delayed');
    const handler = testApp.app.get(RemindAppointmentJob);
    const payload = { appointmentId: appointment.id, scheduleVersion: 1, offsetMinutes: 120 };
    await Promise.all([handler.handle(payload), handler.handle(payload)]);
    await waitFor(() => reminderMails(email)[0]);
    await pause(1_500);
    expect(reminderMails(email)).toHaveLength(1);
    expect(await reminderRows(email)).toHaveLength(1);
  });

  it('never sends the reminder of a cancelled appointment', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp);
    const email = patient.patient.email!;
    const appointment = await bookSoon(clinic, patient.patient.id, 4);
    expect(await job(appointment.id, 1, 60)).toBeDefined();
    const cancelled = await desk.post(
      `/api/v1/patients/${patient.patient.id}/appointments/${appointment.id}/cancel`,
      { version: 1, reason: 'Patient asked' },
    );
    expect(cancelled.status).toBe(200);
    expect(await job(appointment.id, 1, 60)).toBeUndefined();
    await waitFor(() =>
      mailsTo(smtp.received, email).find((m) => readMail(m).subject.includes('cancelled')),
    );
    await pause(5_000); // past the time the reminder was due
    expect(reminderMails(email)).toEqual([]);

    // Even a job that escaped removal re-reads the appointment and sends nothing.
    await testApp.app
      .get(RemindAppointmentJob)
      .handle({ appointmentId: appointment.id, scheduleVersion: 1, offsetMinutes: 60 });
    expect(await reminderRows(email)).toEqual([]);
    expect(await processedRows(appointment.id)).toEqual([
      expect.objectContaining({
        offset_minutes: 60,
        outcome: 'skipped',
        detail: 'appointment cancelled',
        mail_delivery_id: null,
      }),
    ]);
    await pause(500);
    expect(reminderMails(email)).toEqual([]);
  });

  it('moves the reminders with a rescheduled appointment', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp);
    const email = patient.patient.email!;
    const appointment = await bookSoon(clinic, patient.patient.id, 3 * 3600);
    expect(await job(appointment.id, 1, 60)).toBeDefined();
    const newStart = new Date(clock.now().getTime() + HOUR + 3_000);
    const moved = await desk.post(
      `/api/v1/patients/${patient.patient.id}/appointments/${appointment.id}/reschedule`,
      { version: 1, startsAt: newStart.toISOString() },
    );
    expect(moved.status).toBe(200);
    expect(await job(appointment.id, 1, 60)).toBeUndefined();
    expect(await job(appointment.id, 1, 120)).toBeUndefined();
    await waitFor(() => reminderMails(email)[0], 20_000);
    // The old time's job, had it run, finds the appointment moved.
    await testApp.app
      .get(RemindAppointmentJob)
      .handle({ appointmentId: appointment.id, scheduleVersion: 1, offsetMinutes: 60 });
    const rows = await processedRows(appointment.id);
    expect(rows).toEqual([
      expect.objectContaining({
        schedule_version: 1,
        offset_minutes: 60,
        outcome: 'skipped',
        detail: 'appointment moved to another time',
      }),
      expect.objectContaining({ schedule_version: 2, offset_minutes: 60, outcome: 'sent' }),
    ]);
    expect(reminderMails(email)).toHaveLength(1);
  });

  it('records a skipped reminder for a patient without an email, and sends nothing', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp, { email: null });
    const appointment = await bookSoon(clinic, patient.patient.id, 2);
    const rows = await waitFor(async () => {
      const found = await processedRows(appointment.id);
      return found.length ? found : null;
    }, 20_000);
    expect(rows).toEqual([
      expect.objectContaining({
        offset_minutes: 60,
        outcome: 'skipped',
        detail: 'no email on file',
        mail_delivery_id: null,
      }),
    ]);
    const view = await desk.get(
      `/api/v1/patients/${patient.patient.id}/appointments/${appointment.id}`,
    );
    expect(view.body!.reminders[1]).toEqual({
      offsetMinutes: 60,
      dueAt: new Date(new Date(appointment.startsAt).getTime() - HOUR).toISOString(),
      state: 'skipped',
      detail: 'no email on file',
    });
  });

  it('rebuilds a lost queue from the appointments at the next start', async () => {
    const clinic = await openClinic();
    const patient = await signedInPatient(testApp);
    const sent = await signedInPatient(testApp);
    const ahead = await bookSoon(clinic, patient.patient.id, 3600 + 600);
    const done = await bookSoon(clinic, sent.patient.id, 2);
    await waitFor(() => reminderMails(sent.patient.email!)[0], 20_000);
    expect(await job(ahead.id, 1, 120)).toBeDefined();

    await remindersQueue().obliterate({ force: true });
    expect(await job(ahead.id, 1, 120)).toBeUndefined();
    expect(await job(ahead.id, 1, 60)).toBeUndefined();

    const restarted = await startTestApp({ ...env, SMTP_URL: smtp.url }, { runWorkers: true });
    try {
      await restarted.app.get(RemindersService).started();
      const queue = remindersQueue(restarted);
      for (const offset of [120, 60]) {
        const rebuilt = await queue.getJob(reminderJobId(ahead.id, 1, offset));
        expect(await rebuilt?.getState()).toBe('delayed');
      }
      // A reminder already sent is not queued again.
      expect(await queue.getJob(reminderJobId(done.id, 1, 60))).toBeUndefined();
    } finally {
      await restarted.close();
    }

    // The same walk in small batches finds every appointment still ahead.
    await remindersQueue().obliterate({ force: true });
    await testApp.app.get(RemindersService).reconcile(3);
    for (const offset of [120, 60]) {
      expect(await (await job(ahead.id, 1, offset))?.getState()).toBe('delayed');
    }
    expect(await job(done.id, 1, 60)).toBeUndefined();
  });

  it('times reminders by the clinic clock: due 2 hours before a 10:00 visit', async () => {
    const clinic = await createClinic(db);
    const patient = await signedInPatient(testApp);
    const startsAt = localTime(clock.now(), clinic.location.timeZone, 3, '10:00');
    // Move the clock to 2 seconds before the first reminder is due, then book.
    clock.advance(startsAt.getTime() - 2 * HOUR - 2_000 - clock.now().getTime());
    desk = await signedInStaff(testApp, ['front-desk']); // the old session timed out
    const booked = await book(desk, patient.patient.id, clinic, startsAt);
    expect(booked.status).toBe(201);
    expect(booked.body!.reminders.map((r: { state: string }) => r.state)).toEqual([
      'scheduled',
      'scheduled',
    ]);
    const mail = await waitFor(() => reminderMails(patient.patient.email!)[0], 20_000);
    expect(mail.text).toMatch(/10:00 AM C[DS]T/);
    expect(await (await job(booked.body!.id, 1, 60))?.getState()).toBe('delayed');
  });
});
