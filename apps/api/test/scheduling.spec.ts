import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { newId } from '../src/infra/database/ids.js';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import { SchedulingService } from '../src/modules/scheduling/scheduling.service.js';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import type { BrowserClient } from './support/browser-client.js';
import { createPatient, newBrowser, signedInStaff, uniqueWord } from './support/invitation-flow.js';
import {
  createLocation,
  createProvider,
  createVisitType,
  everyDay,
  insertAppointment,
  localInstant,
  nextOffsetChange,
  setWeeklyHours,
  upcomingWeekday,
} from './support/scheduling-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Field = { field: string; message: string };
const fieldsOf = (body: Record<string, unknown> | null) =>
  ((body?.errors ?? []) as Field[]).map((error) => error.field);

const CHICAGO = 'America/Chicago';
const HORIZON_DAYS = 20;
const DAY = 24 * 60 * 60_000;

describe('scheduling: catalog, availability and open times', () => {
  let testApp: TestApp;
  let db: DataSource;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
  let nurse: Awaited<ReturnType<typeof signedInStaff>>;
  let billing: Awaited<ReturnType<typeof signedInStaff>>;
  let patientBrowser: BrowserClient;

  beforeAll(async () => {
    testApp = await startTestApp({
      STAFF_SECOND_FACTOR_REQUIRED: 'false',
      BOOKING_HORIZON_DAYS: String(HORIZON_DAYS),
    });
    db = testApp.app.get(getDataSourceToken());
    [admin, frontDesk, nurse, billing] = await Promise.all([
      signedInStaff(testApp, ['admin']),
      signedInStaff(testApp, ['front-desk']),
      signedInStaff(testApp, ['nurse']),
      signedInStaff(testApp, ['billing']),
    ]);
    patientBrowser = await signedInPatient();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  async function signedInPatient() {
    const { username } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    expect((await browser.login(username, TEST_PASSWORD)).status).toBe(200);
    return browser;
  }

  /** A provider offering a fresh visit type, with hours every day at a fresh location. */
  async function bookableSetup(
    options: { zone?: string; duration?: number; hours?: [string, string] } = {},
  ) {
    const zone = options.zone ?? CHICAGO;
    const location = await createLocation(admin, { timeZone: zone });
    const visitType = await createVisitType(admin, { durationMinutes: options.duration ?? 30 });
    const provider = await createProvider(admin, [visitType.id]);
    const [start, end] = options.hours ?? ['09:00', '12:00'];
    const today = DateTime.now().setZone(zone).toISODate()!;
    await setWeeklyHours(frontDesk, provider.id, everyDay(location.id, start, end, today));
    return { location, visitType, provider, zone };
  }

  const slotsFor = (browser: BrowserClient, params: Record<string, string>) =>
    browser.get(`/api/v1/slots?${new URLSearchParams(params).toString()}`);

  const localTimes = (items: { startsAt: string }[], zone = CHICAGO) =>
    items.map((slot) => DateTime.fromISO(slot.startsAt, { zone }).toFormat('yyyy-MM-dd HH:mm'));

  describe('locations', () => {
    it('lets admins create, list and change locations, in the runtime’s zone spelling', async () => {
      const name = `Clinic ${uniqueWord('North')}`;
      const response = await admin.post('/api/v1/locations', {
        name: `  ${name} `,
        address: {
          line1: '12 Elm Street',
          line2: '',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62701',
          country: 'us',
        },
        phone: '+1 555 010 2000',
        timeZone: 'america/chicago',
        arrivalInstructions: 'Park behind the building.\nRing the bell.',
      });
      expect(response.status).toBe(201);
      const location = response.body!;
      expect(location).toEqual({
        id: expect.any(String),
        name,
        address: {
          line1: '12 Elm Street',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62701',
          country: 'US',
        },
        phone: '+1 555 010 2000',
        timeZone: CHICAGO,
        arrivalInstructions: 'Park behind the building.\nRing the bell.',
        mapUrl:
          'https://www.openstreetmap.org/search?query=' +
          encodeURIComponent('12 Elm Street, Springfield, IL 62701, US'),
        active: true,
      });

      const patch = await admin.request('PATCH', `/api/v1/locations/${location.id}`, {
        phone: '(555) 010-2001',
        arrivalInstructions: null,
      });
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({
        phone: '(555) 010-2001',
        arrivalInstructions: null,
        name,
      });

      const [audit] = (await db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE resource_type = 'location' AND resource_id = $1`,
        [location.id],
      )) as { n: number }[];
      expect(audit!.n).toBe(2);
    });

    it('pages by name with a cursor, and hides closed locations from patients', async () => {
      // The test database keeps every run's locations: names that sort first, newest first,
      // put this run's two on the first page.
      const prefix = `0-${String(9e12 - Date.now()).padStart(13, '0')}-${uniqueWord()}`;
      const open = await createLocation(admin, { name: `${prefix} A` });
      const closed = await createLocation(admin, { name: `${prefix} b` });
      await admin.request('PATCH', `/api/v1/locations/${closed.id}`, { active: false });

      const first = await frontDesk.get('/api/v1/locations?limit=2');
      expect(first.status).toBe(200);
      expect(first.body!.items.map((l: { id: string }) => l.id)).toEqual([open.id, closed.id]);
      expect(first.body!.nextCursor).toEqual(expect.any(String));
      const second = await frontDesk.get(
        `/api/v1/locations?limit=2&cursor=${first.body!.nextCursor}`,
      );
      expect(second.status).toBe(200);
      const names = [...first.body!.items, ...second.body!.items].map((l: { name: string }) =>
        l.name.toLowerCase(),
      );
      expect(names).toEqual([...names].sort());
      expect(second.body!.items.map((l: { id: string }) => l.id)).not.toContain(open.id);

      const seen = await patientBrowser.get('/api/v1/locations?limit=2');
      expect(seen.status).toBe(200);
      expect(seen.body!.items[0].id).toBe(open.id);
      expect(seen.body!.items.map((l: { id: string }) => l.id)).not.toContain(closed.id);

      const bad = await frontDesk.get('/api/v1/locations?cursor=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['cursor']);
    });

    it('refuses an unknown time zone, naming timeZone, and bad fields one message each', async () => {
      const response = await admin.post('/api/v1/locations', {
        name: `Clinic ${uniqueWord('Z')}`,
        address: { line1: '1 A St', city: 'X', region: 'IL', postalCode: '62701', country: 'US' },
        phone: '+1 555 010 2000',
        timeZone: 'Mars/Olympus_Mons',
      });
      expect(response.status).toBe(400);
      expect(response.body!.errors).toEqual([
        { field: 'timeZone', message: 'Choose a time zone from the list, like America/Chicago.' },
      ]);

      const worse = await admin.post('/api/v1/locations', {
        name: 'Two\nlines',
        address: { line1: '', city: 'X', region: 'IL', postalCode: '62701', country: 'USA' },
        phone: 'call us',
        timeZone: '+05:00',
      });
      expect(worse.status).toBe(400);
      expect(fieldsOf(worse.body).sort()).toEqual(
        ['address.country', 'address.line1', 'name', 'phone', 'timeZone'].sort(),
      );
    });

    it('refuses a second location with the same name, in any case', async () => {
      const location = await createLocation(admin);
      const again = await admin.post('/api/v1/locations', {
        name: location.name.toUpperCase(),
        address: location.address,
        phone: location.phone,
        timeZone: location.timeZone,
      });
      expect(again.status).toBe(409);
      expect(again.body!.code).toBe('location_name_taken');
    });

    it('lets only admins change locations', async () => {
      const location = await createLocation(admin);
      for (const browser of [frontDesk, nurse, patientBrowser]) {
        expect((await browser.post('/api/v1/locations', {})).status).toBe(403);
        const patch = await browser.request('PATCH', `/api/v1/locations/${location.id}`, {
          name: 'Nope',
        });
        expect(patch.status).toBe(403);
      }
      const missing = await admin.request('PATCH', `/api/v1/locations/${newId()}`, {
        name: `Clinic ${uniqueWord('Gone')}`,
      });
      expect(missing.status).toBe(404);
      expect((await newBrowser(testApp).get('/api/v1/locations')).status).toBe(401);
    });
  });

  describe('visit types', () => {
    it('creates, lists and changes visit types; patients see online-bookable active ones', async () => {
      const online = await createVisitType(admin, {
        name: `Annual physical ${uniqueWord()}`,
        description: 'A yearly check-up.',
        durationMinutes: 30,
        patientStatus: 'established',
      });
      expect(online).toEqual({
        id: expect.any(String),
        name: expect.stringMatching(/^Annual physical /),
        description: 'A yearly check-up.',
        durationMinutes: 30,
        bookableOnline: true,
        patientStatus: 'established',
        active: true,
      });
      const staffOnly = await createVisitType(admin, {
        bookableOnline: false,
        durationMinutes: 60,
      });
      const retired = await createVisitType(admin);
      const patch = await admin.request('PATCH', `/api/v1/visit-types/${retired.id}`, {
        active: false,
        durationMinutes: 45,
      });
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({ active: false, durationMinutes: 45 });

      const listAll = async (browser: BrowserClient) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await browser.get(
            `/api/v1/visit-types?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(page.status).toBe(200);
          ids.push(...page.body!.items.map((v: { id: string }) => v.id));
          cursor = page.body!.nextCursor;
        } while (cursor);
        return ids;
      };
      expect(await listAll(frontDesk)).toEqual(
        expect.arrayContaining([online.id, staffOnly.id, retired.id]),
      );
      const patientIds = await listAll(patientBrowser);
      expect(patientIds).toContain(online.id);
      expect(patientIds).not.toContain(staffOnly.id);
      expect(patientIds).not.toContain(retired.id);
    });

    it('refuses lengths off the 5-minute steps and duplicate names', async () => {
      for (const durationMinutes of [7, 0, 485, 30.5, '30']) {
        const response = await admin.post('/api/v1/visit-types', {
          name: `Visit ${uniqueWord()}`,
          durationMinutes,
          bookableOnline: true,
          patientStatus: 'any',
        });
        expect(response.status).toBe(400);
        expect(response.body!.errors).toEqual([
          {
            field: 'durationMinutes',
            message: 'Choose a length from 5 to 480 minutes, in steps of 5 minutes.',
          },
        ]);
      }
      const visitType = await createVisitType(admin);
      const again = await admin.post('/api/v1/visit-types', {
        name: ` ${visitType.name.toLowerCase()} `,
        durationMinutes: 20,
        bookableOnline: false,
        patientStatus: 'new',
      });
      expect(again.status).toBe(409);
      expect(again.body!.code).toBe('visit_type_name_taken');
      const other = await createVisitType(admin);
      const rename = await admin.request('PATCH', `/api/v1/visit-types/${other.id}`, {
        name: visitType.name,
      });
      expect(rename.status).toBe(409);
    });

    it('lets only admins change visit types', async () => {
      const visitType = await createVisitType(admin);
      for (const browser of [frontDesk, nurse, patientBrowser]) {
        expect((await browser.post('/api/v1/visit-types', {})).status).toBe(403);
        expect(
          (await browser.request('PATCH', `/api/v1/visit-types/${visitType.id}`, { active: false }))
            .status,
        ).toBe(403);
      }
    });
  });

  describe('providers', () => {
    it('creates providers linked to a provider account, with their visit types and locations', async () => {
      const visitType = await createVisitType(admin);
      const staffOnly = await createVisitType(admin, { bookableOnline: false });
      const providerStaff = await signedInStaff(testApp, ['provider']);
      const response = await admin.post('/api/v1/providers', {
        displayName: 'Dr. Priya Shah',
        specialty: 'Family medicine',
        bio: 'Sees adults and children.\nSpeaks Gujarati.',
        accountId: providerStaff.account.id,
        visitTypeIds: [visitType.id, staffOnly.id],
      });
      expect(response.status).toBe(201);
      const provider = response.body!;
      expect(provider).toEqual({
        id: expect.any(String),
        displayName: 'Dr. Priya Shah',
        specialty: 'Family medicine',
        bio: 'Sees adults and children.\nSpeaks Gujarati.',
        active: true,
        accountId: providerStaff.account.id,
        visitTypeIds: expect.arrayContaining([visitType.id, staffOnly.id]),
        locationIds: [],
      });

      const location = await createLocation(admin);
      const ended = await createLocation(admin);
      const today = DateTime.now().setZone(CHICAGO).toISODate()!;
      await setWeeklyHours(frontDesk, provider.id, [
        { locationId: location.id, weekday: 2, startTime: '09:00', endTime: '12:00' },
        {
          locationId: ended.id,
          weekday: 3,
          startTime: '09:00',
          endTime: '12:00',
          validFrom: '2025-01-01',
          validUntil: DateTime.fromISO(today).minus({ days: 7 }).toISODate(),
        },
      ]);
      const staffView = await frontDesk.get(`/api/v1/providers/${provider.id}`);
      expect(staffView.status).toBe(200);
      expect(staffView.body!.locationIds).toEqual([location.id]);

      const patientView = await patientBrowser.get(`/api/v1/providers/${provider.id}`);
      expect(patientView.status).toBe(200);
      expect(patientView.body).toMatchObject({ accountId: null, visitTypeIds: [visitType.id] });

      const byType = await patientBrowser.get(
        `/api/v1/providers?visitTypeId=${visitType.id}&locationId=${location.id}`,
      );
      expect(byType.status).toBe(200);
      expect(byType.body!.items.map((p: { id: string }) => p.id)).toEqual([provider.id]);
      const elsewhere = await frontDesk.get(`/api/v1/providers?locationId=${ended.id}`);
      expect(elsewhere.body!.items.map((p: { id: string }) => p.id)).not.toContain(provider.id);

      // One staff account, one provider.
      const twice = await admin.post('/api/v1/providers', {
        displayName: 'Dr. Again',
        specialty: 'Family medicine',
        accountId: providerStaff.account.id,
        visitTypeIds: [],
      });
      expect(twice.status).toBe(409);
      expect(twice.body!.code).toBe('account_already_linked');
    });

    it('refuses accounts without the provider role and unknown visit types (422)', async () => {
      const notProvider = await admin.post('/api/v1/providers', {
        displayName: 'Dr. Nurse',
        specialty: 'Nursing',
        accountId: nurse.account.id,
        visitTypeIds: [],
      });
      expect(notProvider.status).toBe(422);
      expect(notProvider.body!.code).toBe('account_not_provider');
      const unknownType = await admin.post('/api/v1/providers', {
        displayName: 'Dr. Unknown',
        specialty: 'Family medicine',
        visitTypeIds: [newId()],
      });
      expect(unknownType.status).toBe(422);
      const invalid = await admin.post('/api/v1/providers', {
        displayName: '',
        specialty: 'Family\nmedicine',
        visitTypeIds: ['x'],
      });
      expect(invalid.status).toBe(400);
      expect(fieldsOf(invalid.body).sort()).toEqual(['displayName', 'specialty', 'visitTypeIds']);
    });

    it('changes providers; an inactive one disappears for patients', async () => {
      const [first, second] = [await createVisitType(admin), await createVisitType(admin)];
      const provider = await createProvider(admin, [first.id]);
      const patch = await admin.request('PATCH', `/api/v1/providers/${provider.id}`, {
        specialty: 'Pediatrics',
        visitTypeIds: [second.id],
        active: false,
      });
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({
        specialty: 'Pediatrics',
        visitTypeIds: [second.id],
        active: false,
      });
      expect((await patientBrowser.get(`/api/v1/providers/${provider.id}`)).status).toBe(404);
      expect((await frontDesk.get(`/api/v1/providers/${provider.id}`)).status).toBe(200);
      const listed = await patientBrowser.get(`/api/v1/providers?visitTypeId=${second.id}`);
      expect(listed.body!.items).toEqual([]);
      for (const browser of [frontDesk, nurse, patientBrowser]) {
        expect((await browser.post('/api/v1/providers', {})).status).toBe(403);
        expect(
          (await browser.request('PATCH', `/api/v1/providers/${provider.id}`, { active: true }))
            .status,
        ).toBe(403);
      }
      expect((await frontDesk.get('/api/v1/providers/not-a-uuid')).status).toBe(404);
    });
  });

  describe('weekly hours and exceptions', () => {
    it('lets front desk replace the hours; staff read them; nurses, billing and patients cannot change them', async () => {
      const [main, lake] = [await createLocation(admin), await createLocation(admin)];
      const provider = await createProvider(admin, []);
      const saved = await setWeeklyHours(frontDesk, provider.id, [
        { locationId: main.id, weekday: 1, startTime: '13:00', endTime: '17:00' },
        { locationId: main.id, weekday: 1, startTime: '09:00', endTime: '12:00' },
        {
          locationId: lake.id,
          weekday: 3,
          startTime: '09:00',
          endTime: '12:00',
          validFrom: '2030-01-01',
          validUntil: '2030-06-30',
        },
      ]);
      const today = DateTime.now().setZone(CHICAGO).toISODate();
      expect(saved.conflicts).toEqual([]);
      expect(saved.rules).toEqual([
        {
          id: expect.any(String),
          locationId: main.id,
          weekday: 1,
          startTime: '09:00',
          endTime: '12:00',
          validFrom: today,
          validUntil: null,
        },
        {
          id: expect.any(String),
          locationId: main.id,
          weekday: 1,
          startTime: '13:00',
          endTime: '17:00',
          validFrom: today,
          validUntil: null,
        },
        {
          id: expect.any(String),
          locationId: lake.id,
          weekday: 3,
          startTime: '09:00',
          endTime: '12:00',
          validFrom: '2030-01-01',
          validUntil: '2030-06-30',
        },
      ]);

      for (const browser of [nurse, frontDesk, admin]) {
        const read = await browser.get(`/api/v1/providers/${provider.id}/availability`);
        expect(read.status).toBe(200);
        expect(read.body).toEqual({ providerId: provider.id, rules: saved.rules, exceptions: [] });
      }
      for (const browser of [nurse, billing, patientBrowser]) {
        const put = await browser.request('PUT', `/api/v1/providers/${provider.id}/availability`, {
          rules: [],
        });
        expect(put.status).toBe(403);
        const add = await browser.post(`/api/v1/providers/${provider.id}/exceptions`, {});
        expect(add.status).toBe(403);
      }
      for (const browser of [billing, patientBrowser]) {
        expect((await browser.get(`/api/v1/providers/${provider.id}/availability`)).status).toBe(
          403,
        );
        expect((await browser.get(`/api/v1/providers/${provider.id}/conflicts`)).status).toBe(403);
      }

      const audit = (await db.query(
        `SELECT action, patient_id, actor_account_id FROM audit_event
          WHERE resource_type = 'provider' AND resource_id = $1 AND action LIKE 'schedule.%'`,
        [provider.id],
      )) as { action: string; patient_id: string | null; actor_account_id: string }[];
      expect(audit).toEqual([
        {
          action: 'schedule.availability.update',
          patient_id: null,
          actor_account_id: frontDesk.account.id,
        },
      ]);

      // An empty list clears the hours.
      const cleared = await setWeeklyHours(admin, provider.id, []);
      expect(cleared.rules).toEqual([]);
    });

    it('refuses overlapping, inverted and misaligned rules by field, and saves nothing', async () => {
      const [main, lake] = [await createLocation(admin), await createLocation(admin)];
      const provider = await createProvider(admin, []);
      const before = await setWeeklyHours(frontDesk, provider.id, [
        { locationId: main.id, weekday: 2, startTime: '09:00', endTime: '12:00' },
      ]);
      const put = (rules: Record<string, unknown>[]) =>
        frontDesk.request('PUT', `/api/v1/providers/${provider.id}/availability`, { rules });

      const overlapping = await put([
        { locationId: main.id, weekday: 1, startTime: '09:00', endTime: '12:00' },
        { locationId: lake.id, weekday: 1, startTime: '11:30', endTime: '15:00' },
        { locationId: lake.id, weekday: 2, startTime: '11:30', endTime: '15:00' },
      ]);
      expect(overlapping.status).toBe(400);
      expect(overlapping.body!.errors).toEqual([
        {
          field: 'rules[1].startTime',
          message:
            'These hours overlap other hours on Monday (09:00–12:00). A provider can be in only one place at a time.',
        },
      ]);

      const inverted = await put([
        { locationId: main.id, weekday: 1, startTime: '09:00', endTime: '12:00' },
        { locationId: main.id, weekday: 4, startTime: '17:00', endTime: '09:00' },
        { locationId: main.id, weekday: 5, startTime: '09:07', endTime: '25:00' },
        { locationId: main.id, weekday: 8, startTime: '09:00', endTime: '10:00', color: 'red' },
        {
          locationId: main.id,
          weekday: 6,
          startTime: '09:00',
          endTime: '10:00',
          validFrom: '2030-02-01',
          validUntil: '2030-01-31',
        },
      ]);
      expect(inverted.status).toBe(400);
      expect(fieldsOf(inverted.body)).toEqual([
        'rules[1].endTime',
        'rules[2].startTime',
        'rules[2].endTime',
        'rules[3].color',
        'rules[3].weekday',
        'rules[4].validUntil',
      ]);
      expect(inverted.body!.errors[0].message).toBe('The end time must be after the start time.');

      const notAList = await put('nope' as never);
      expect(notAList.status).toBe(400);
      expect(fieldsOf(notAList.body)).toEqual(['rules']);

      const closed = await createLocation(admin);
      await admin.request('PATCH', `/api/v1/locations/${closed.id}`, { active: false });
      for (const locationId of [closed.id, newId()]) {
        const refused = await put([
          { locationId: main.id, weekday: 1, startTime: '09:00', endTime: '12:00' },
          { locationId, weekday: 2, startTime: '09:00', endTime: '12:00' },
        ]);
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({
          code: 'location_not_available',
          errors: [{ field: 'rules[1].locationId' }],
        });
      }

      const after = await frontDesk.get(`/api/v1/providers/${provider.id}/availability`);
      expect(after.body!.rules).toEqual(before.rules);
    });

    it('is backed by the database: overlapping rows are refused there too', async () => {
      const location = await createLocation(admin);
      const provider = await createProvider(admin, []);
      const insert = (start: string, end: string) =>
        db.query(
          `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time,
                                          end_time, valid_from, created_at)
           VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, '2026-01-01', now())`,
          [provider.id, location.id, start, end],
        );
      await insert('09:00', '12:00');
      await expect(insert('11:00', '13:00')).rejects.toMatchObject({
        driverError: { code: '23P01', constraint: 'availability_rule_no_overlap' },
      });
      await insert('12:00', '13:00'); // touching is not overlapping
    });

    it('adds and removes time off and extra hours, with field-level refusals', async () => {
      const location = await createLocation(admin);
      const provider = await createProvider(admin, []);
      const base = `/api/v1/providers/${provider.id}/exceptions`;
      const start = DateTime.now().plus({ days: 3 }).startOf('hour');
      const timeOff = await frontDesk.post(base, {
        kind: 'time-off',
        startsAt: start.toUTC().toISO(),
        endsAt: start.plus({ hours: 8 }).toUTC().toISO(),
        note: 'Conference',
      });
      expect(timeOff.status).toBe(201);
      expect(timeOff.body).toEqual({
        exception: {
          id: expect.any(String),
          kind: 'time-off',
          locationId: null,
          startsAt: start.toUTC().toISO(),
          endsAt: start.plus({ hours: 8 }).toUTC().toISO(),
          note: 'Conference',
          createdAt: expect.any(String),
        },
        conflicts: [],
      });
      const extra = await admin.post(base, {
        kind: 'extra-hours',
        locationId: location.id,
        startsAt: start.plus({ days: 1 }).toUTC().toISO(),
        endsAt: start.plus({ days: 1, hours: 2 }).toUTC().toISO(),
      });
      expect(extra.status).toBe(201);
      expect(extra.body!.exception).toMatchObject({ kind: 'extra-hours', locationId: location.id });

      const listed = await nurse.get(`/api/v1/providers/${provider.id}/availability`);
      expect(listed.body!.exceptions.map((e: { id: string }) => e.id)).toEqual([
        timeOff.body!.exception.id,
        extra.body!.exception.id,
      ]);

      const refusals: [Record<string, unknown>, string[]][] = [
        [{ kind: 'time-off', locationId: location.id }, ['locationId']],
        [{ kind: 'extra-hours' }, ['locationId']],
        [{ kind: 'time-off', endsAt: start.minus({ hours: 1 }).toUTC().toISO() }, ['endsAt']],
        [{ kind: 'time-off', endsAt: start.plus({ days: 32 }).toUTC().toISO() }, ['endsAt']],
        [{ kind: 'time-off', startsAt: 'tomorrow' }, ['startsAt']],
        [{ kind: 'vacation' }, ['kind']],
      ];
      for (const [change, fields] of refusals) {
        const response = await frontDesk.post(base, {
          startsAt: start.toUTC().toISO(),
          endsAt: start.plus({ hours: 1 }).toUTC().toISO(),
          ...change,
        });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(fields);
      }

      const removed = await frontDesk.request('DELETE', `${base}/${timeOff.body!.exception.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ conflicts: [] });
      const again = await frontDesk.request('DELETE', `${base}/${timeOff.body!.exception.id}`);
      expect(again.status).toBe(404);
      expect(again.body!.code).toBe('availability_exception_not_found');
      expect((await nurse.request('DELETE', `${base}/${extra.body!.exception.id}`)).status).toBe(
        403,
      );

      const actions = (await db.query(
        `SELECT action FROM audit_event WHERE resource_type = 'provider' AND resource_id = $1
          ORDER BY occurred_at, id`,
        [provider.id],
      )) as { action: string }[];
      expect(actions.map((a) => a.action)).toEqual([
        'provider.create',
        'schedule.exception.add',
        'schedule.exception.add',
        'schedule.exception.delete',
      ]);
    });
  });

  describe('conflicts', () => {
    it('lists booked appointments left outside the hours, and keeps them booked', async () => {
      const { location, visitType, provider } = await bookableSetup({ hours: ['09:00', '17:00'] });
      const patient = await createPatient(frontDesk, { preferredName: 'Robbie' });
      const monday = upcomingWeekday(CHICAGO, 1);
      const startsAt = localInstant(monday, '10:00', CHICAGO);
      const appointmentId = await insertAppointment(db, {
        patientId: patient.id,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      });
      // A cancelled one at the same time never conflicts.
      await insertAppointment(db, {
        patientId: patient.id,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        status: 'cancelled',
      });
      const before = await nurse.get(`/api/v1/providers/${provider.id}/conflicts`);
      expect(before.body).toEqual({ items: [] });

      const today = DateTime.now().setZone(CHICAGO).toISODate()!;
      const shrunk = await setWeeklyHours(
        frontDesk,
        provider.id,
        everyDay(location.id, '13:00', '17:00', today),
      );
      const conflict = {
        appointmentId,
        patientId: patient.id,
        patientName: `Robin (Robbie) ${patient.familyName}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
        locationId: location.id,
        visitTypeName: visitType.name,
        problem: 'outside-hours',
      };
      expect(shrunk.conflicts).toEqual([conflict]);
      const listed = await frontDesk.get(`/api/v1/providers/${provider.id}/conflicts`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ items: [conflict] });

      const rows = (await db.query(`SELECT status FROM appointment WHERE id = $1`, [
        appointmentId,
      ])) as { status: string }[];
      expect(rows).toEqual([{ status: 'booked' }]);

      // Back to full hours, then time off over the visit: a time-off conflict.
      await setWeeklyHours(frontDesk, provider.id, everyDay(location.id, '09:00', '17:00', today));
      const off = await frontDesk.post(`/api/v1/providers/${provider.id}/exceptions`, {
        kind: 'time-off',
        startsAt: localInstant(monday, '00:00', CHICAGO).toISOString(),
        endsAt: localInstant(monday, '23:55', CHICAGO).toISOString(),
      });
      expect(off.status).toBe(201);
      expect(off.body!.conflicts).toEqual([{ ...conflict, problem: 'time-off' }]);
      // Extra hours over it put it back inside the hours.
      const extra = await frontDesk.post(`/api/v1/providers/${provider.id}/exceptions`, {
        kind: 'extra-hours',
        locationId: location.id,
        startsAt: localInstant(monday, '09:30', CHICAGO).toISOString(),
        endsAt: localInstant(monday, '11:00', CHICAGO).toISOString(),
      });
      expect(extra.body!.conflicts).toEqual([]);
      const removed = await frontDesk.request(
        'DELETE',
        `/api/v1/providers/${provider.id}/exceptions/${extra.body!.exception.id}`,
      );
      expect(removed.body).toEqual({ conflicts: [{ ...conflict, problem: 'time-off' }] });

      // Showing a conflict shows the patient's visit: it is in their access trail.
      const shown = (await db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE patient_id = $1 AND action = 'schedule.conflict.read' AND resource_id = $2`,
        [patient.id, appointmentId],
      )) as { n: number }[];
      expect(shown[0]!.n).toBe(4);
    });
  });

  describe('open slots', () => {
    it('keeps local 09:00 starts across a daylight-saving week in America/Chicago', async () => {
      const { visitType, provider, location } = await bookableSetup({ hours: ['09:00', '10:00'] });
      const change = nextOffsetChange(CHICAGO);
      const from = localInstant(
        DateTime.fromISO(change).minus({ days: 3 }).toISODate()!,
        '00:00',
        CHICAGO,
      );
      const to = localInstant(
        DateTime.fromISO(change).plus({ days: 4 }).toISODate()!,
        '00:00',
        CHICAGO,
      );
      const response = await slotsFor(frontDesk, {
        visitTypeId: visitType.id,
        from: from.toISOString(),
        to: to.toISOString(),
      });
      expect(response.status).toBe(200);
      const items = response.body!.items as {
        startsAt: string;
        endsAt: string;
        provider: unknown;
        location: unknown;
      }[];
      expect(items).toHaveLength(14);
      expect(new Set(localTimes(items).map((t) => t.slice(-5)))).toEqual(
        new Set(['09:00', '09:30']),
      );
      const offsets = new Set(
        items.map((s) => DateTime.fromISO(s.startsAt, { zone: CHICAGO }).offset),
      );
      expect(offsets.size).toBe(2);
      expect(items[0]).toEqual({
        startsAt: items[0]!.startsAt,
        endsAt: new Date(Date.parse(items[0]!.startsAt) + 30 * 60_000).toISOString(),
        provider: {
          id: provider.id,
          displayName: provider.displayName,
          specialty: 'Family medicine',
        },
        location: { id: location.id, name: location.name, timeZone: CHICAGO },
        changeableUntil: new Date(Date.parse(items[0]!.startsAt) - 24 * 3_600_000).toISOString(),
        canChangeOnline: true,
      });
      expect(response.body!.nextCursor).toBeNull();
    });

    it('says of each time whether a visit booked there could still be changed online', async () => {
      // Hours all day: times within the 24-hour change cutoff (the default) and after it.
      const { visitType } = await bookableSetup({ hours: ['00:00', '23:30'], duration: 60 });
      const now = Date.now();
      const response = await slotsFor(frontDesk, {
        visitTypeId: visitType.id,
        from: new Date(now).toISOString(),
        to: new Date(now + 48 * 3_600_000).toISOString(),
      });
      const items = response.body!.items as {
        startsAt: string;
        changeableUntil: string;
        canChangeOnline: boolean;
      }[];
      const cutoff = 24 * 3_600_000;
      expect(items.some((slot) => !slot.canChangeOnline)).toBe(true);
      expect(items.some((slot) => slot.canChangeOnline)).toBe(true);
      for (const slot of items) {
        const start = Date.parse(slot.startsAt);
        expect(slot.changeableUntil).toBe(new Date(start - cutoff).toISOString());
        // The answer was made a moment after `now`: only a time right at the edge could differ.
        if (Math.abs(start - cutoff - now) > 60_000) {
          expect(slot.canChangeOnline).toBe(start - cutoff > now);
        }
      }
    });

    it('leaves out booked times, time off and past times, and adds extra hours', async () => {
      const { visitType, provider, location } = await bookableSetup({ hours: ['09:00', '11:00'] });
      const patient = await createPatient(frontDesk);
      const monday = upcomingWeekday(CHICAGO, 1);
      const tuesday = DateTime.fromISO(monday).plus({ days: 1 }).toISODate()!;
      const search = {
        visitTypeId: visitType.id,
        from: localInstant(monday, '00:00', CHICAGO).toISOString(),
        to: localInstant(tuesday, '23:55', CHICAGO).toISOString(),
      };
      expect(localTimes((await slotsFor(frontDesk, search)).body!.items)).toEqual([
        `${monday} 09:00`,
        `${monday} 09:30`,
        `${monday} 10:00`,
        `${monday} 10:30`,
        `${tuesday} 09:00`,
        `${tuesday} 09:30`,
        `${tuesday} 10:00`,
        `${tuesday} 10:30`,
      ]);
      await insertAppointment(db, {
        patientId: patient.id,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt: localInstant(monday, '09:15', CHICAGO),
        endsAt: localInstant(monday, '09:45', CHICAGO),
      });
      await insertAppointment(db, {
        patientId: patient.id,
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
        startsAt: localInstant(monday, '10:30', CHICAGO),
        endsAt: localInstant(monday, '11:00', CHICAGO),
        status: 'cancelled',
      });
      await frontDesk.post(`/api/v1/providers/${provider.id}/exceptions`, {
        kind: 'time-off',
        startsAt: localInstant(tuesday, '00:00', CHICAGO).toISOString(),
        endsAt: localInstant(tuesday, '23:00', CHICAGO).toISOString(),
      });
      await frontDesk.post(`/api/v1/providers/${provider.id}/exceptions`, {
        kind: 'extra-hours',
        locationId: location.id,
        startsAt: localInstant(tuesday, '14:00', CHICAGO).toISOString(),
        endsAt: localInstant(tuesday, '15:00', CHICAGO).toISOString(),
      });
      expect(localTimes((await slotsFor(frontDesk, search)).body!.items)).toEqual([
        `${monday} 10:00`,
        `${monday} 10:30`,
        `${tuesday} 14:00`,
        `${tuesday} 14:30`,
      ]);
      expect(
        localTimes((await slotsFor(frontDesk, { ...search, limit: '1' })).body!.items),
      ).toEqual([`${monday} 10:00`]);

      // Nothing before now, whoever asks.
      const past = await slotsFor(frontDesk, {
        visitTypeId: visitType.id,
        from: new Date(Date.now() - 7 * DAY).toISOString(),
        to: new Date(Date.now() + DAY).toISOString(),
      });
      for (const slot of past.body!.items)
        expect(Date.parse(slot.startsAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('orders ties by provider name and filters by provider and location', async () => {
      const location = await createLocation(admin);
      const other = await createLocation(admin);
      const visitType = await createVisitType(admin, { durationMinutes: 60 });
      const suffix = uniqueWord();
      const zed = await createProvider(admin, [visitType.id], { displayName: `Zed ${suffix}` });
      const abe = await createProvider(admin, [visitType.id], { displayName: `abe ${suffix}` });
      const today = DateTime.now().setZone(CHICAGO).toISODate()!;
      await setWeeklyHours(frontDesk, zed.id, everyDay(location.id, '09:00', '10:00', today));
      await setWeeklyHours(frontDesk, abe.id, everyDay(other.id, '09:00', '10:00', today));
      const monday = upcomingWeekday(CHICAGO, 1);
      const search = {
        visitTypeId: visitType.id,
        from: localInstant(monday, '00:00', CHICAGO).toISOString(),
        to: localInstant(monday, '23:00', CHICAGO).toISOString(),
      };
      const both = await slotsFor(patientBrowser, search);
      expect(both.status).toBe(200);
      expect(both.body!.items.map((s: { provider: { id: string } }) => s.provider.id)).toEqual([
        abe.id,
        zed.id,
      ]);
      const one = await slotsFor(patientBrowser, { ...search, providerId: zed.id });
      expect(one.body!.items.map((s: { provider: { id: string } }) => s.provider.id)).toEqual([
        zed.id,
      ]);
      const there = await slotsFor(patientBrowser, { ...search, locationId: other.id });
      expect(there.body!.items.map((s: { location: { id: string } }) => s.location.id)).toEqual([
        other.id,
      ]);
    });

    it('refuses a range over 31 days or inverted, and bad parameters', async () => {
      const visitType = await createVisitType(admin);
      const from = new Date(Date.now() + DAY);
      const long = await slotsFor(frontDesk, {
        visitTypeId: visitType.id,
        from: from.toISOString(),
        to: new Date(from.getTime() + 32 * DAY).toISOString(),
      });
      expect(long.status).toBe(400);
      expect(long.body!.errors).toEqual([
        { field: 'to', message: 'Search at most 31 days at a time.' },
      ]);
      const inverted = await slotsFor(frontDesk, {
        visitTypeId: visitType.id,
        from: from.toISOString(),
        to: new Date(from.getTime() - DAY).toISOString(),
      });
      expect(inverted.status).toBe(400);
      expect(fieldsOf(inverted.body)).toEqual(['to']);
      const bad = await frontDesk.get('/api/v1/slots?visitTypeId=x&from=soon&limit=500');
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['from', 'limit', 'visitTypeId']);
      expect((await billing.get(`/api/v1/slots?visitTypeId=${visitType.id}`)).status).toBe(403);
    });

    it('shows patients only visit types they may book online, up to the booking horizon', async () => {
      const { visitType, location, provider } = await bookableSetup({ hours: ['09:00', '09:30'] });
      const staffOnly = await createVisitType(admin, { bookableOnline: false });
      await admin.request('PATCH', `/api/v1/providers/${provider.id}`, {
        visitTypeIds: [visitType.id, staffOnly.id],
      });
      const hidden = await slotsFor(patientBrowser, { visitTypeId: staffOnly.id });
      expect(hidden.status).toBe(404);
      expect(hidden.body!.code).toBe('visit_type_not_found');
      // Staff may search it: one slot a day over the default two weeks.
      const staffSearch = await slotsFor(frontDesk, { visitTypeId: staffOnly.id });
      expect(staffSearch.body!.items.length).toBeGreaterThanOrEqual(13);
      const retired = await createVisitType(admin);
      await admin.request('PATCH', `/api/v1/visit-types/${retired.id}`, { active: false });
      expect((await slotsFor(patientBrowser, { visitTypeId: retired.id })).status).toBe(404);
      expect((await slotsFor(frontDesk, { visitTypeId: retired.id })).status).toBe(404);

      // A search reaching past the horizon is cut at it (staff are not bound by it).
      const from = new Date(Date.now() + (HORIZON_DAYS - 10) * DAY);
      const to = new Date(Date.now() + (HORIZON_DAYS + 10) * DAY);
      const params = { visitTypeId: visitType.id, from: from.toISOString(), to: to.toISOString() };
      const patientSlots = (await slotsFor(patientBrowser, params)).body!.items as {
        startsAt: string;
      }[];
      const staffSlots = (await slotsFor(frontDesk, params)).body!.items as { startsAt: string }[];
      expect(patientSlots.length).toBeGreaterThanOrEqual(9);
      expect(staffSlots.length).toBeGreaterThanOrEqual(19);
      const horizon = Date.now() + HORIZON_DAYS * DAY;
      for (const slot of patientSlots) expect(Date.parse(slot.startsAt)).toBeLessThan(horizon);
      expect(staffSlots.some((slot) => Date.parse(slot.startsAt) > horizon)).toBe(true);
      expect(location.id).toBeDefined();
    });

    it('costs the same number of queries whatever the number of providers, rules and appointments', async () => {
      const count = async (params: Record<string, string>) => {
        const response = await slotsFor(frontDesk, params);
        expect(response.status).toBe(200);
        return Number(response.headers.get(QUERY_COUNT_HEADER));
      };
      const small = await bookableSetup({ hours: ['09:00', '10:00'] });
      const large = await bookableSetup({ hours: ['09:00', '17:00'], duration: 15 });
      const patient = await createPatient(frontDesk);
      const today = DateTime.now().setZone(CHICAGO).toISODate()!;
      for (let i = 0; i < 4; i++) {
        const provider = await createProvider(admin, [large.visitType.id]);
        await setWeeklyHours(frontDesk, provider.id, [
          ...everyDay(large.location.id, '07:00', '08:00', today),
          ...everyDay(large.location.id, '09:00', '17:00', today),
        ]);
        for (let day = 2; day < 6; day++) {
          const date = DateTime.now().setZone(CHICAGO).plus({ days: day }).toISODate()!;
          await insertAppointment(db, {
            patientId: patient.id,
            providerId: provider.id,
            locationId: large.location.id,
            visitTypeId: large.visitType.id,
            startsAt: localInstant(date, '10:00', CHICAGO),
            endsAt: localInstant(date, '10:15', CHICAGO),
          });
        }
      }
      const range = {
        from: new Date(Date.now() + DAY).toISOString(),
        to: new Date(Date.now() + 30 * DAY).toISOString(),
      };
      const few = await count({ visitTypeId: small.visitType.id, ...range });
      const many = await count({ visitTypeId: large.visitType.id, ...range, limit: '200' });
      expect(many).toBe(few);
      // The session check, then one statement: the visit type with its providers, rules,
      // exceptions and appointments.
      expect(few).toBe(2);
    });
  });

  describe('what the appointments module uses', () => {
    it('gives the booking context and checks hours, refusing unknown or inactive things', async () => {
      const scheduling = testApp.app.get(SchedulingService);
      const { location, visitType, provider } = await bookableSetup({ hours: ['09:00', '12:00'] });
      const notOffered = await createVisitType(admin);
      const context = await scheduling.getBookingContext(db.manager, {
        providerId: provider.id,
        locationId: location.id,
        visitTypeId: visitType.id,
      });
      expect(context).toMatchObject({
        provider: { id: provider.id, displayName: provider.displayName },
        location: { id: location.id, timeZone: CHICAGO },
        visitType: { id: visitType.id, durationMinutes: 30 },
        offersVisitType: true,
      });
      expect(
        (
          await scheduling.getBookingContext(db.manager, {
            providerId: provider.id,
            locationId: location.id,
            visitTypeId: notOffered.id,
          })
        ).offersVisitType,
      ).toBe(false);
      await admin.request('PATCH', `/api/v1/locations/${location.id}`, { active: false });
      await expect(
        scheduling.getBookingContext(db.manager, {
          providerId: provider.id,
          locationId: location.id,
          visitTypeId: visitType.id,
        }),
      ).rejects.toMatchObject({ status: 422, code: 'location_not_available' });
      await admin.request('PATCH', `/api/v1/locations/${location.id}`, { active: true });
      await expect(
        scheduling.getBookingContext(db.manager, {
          providerId: newId(),
          locationId: location.id,
          visitTypeId: visitType.id,
        }),
      ).rejects.toMatchObject({ status: 422, code: 'provider_not_available' });
      await expect(
        scheduling.getBookingContext(db.manager, {
          providerId: provider.id,
          locationId: location.id,
          visitTypeId: 'nope',
        }),
      ).rejects.toMatchObject({ status: 422, code: 'visit_type_not_available' });

      const monday = upcomingWeekday(CHICAGO, 1);
      const within = (start: string, end: string, locationId = location.id) =>
        scheduling.isWithinHours(db.manager, {
          providerId: provider.id,
          locationId,
          startsAt: localInstant(monday, start, CHICAGO),
          endsAt: localInstant(monday, end, CHICAGO),
        });
      expect(await within('09:00', '09:30')).toBe(true);
      expect(await within('11:30', '12:00')).toBe(true);
      expect(await within('11:45', '12:15')).toBe(false);
      expect(await within('08:45', '09:15')).toBe(false);
      const other = await createLocation(admin);
      expect(await within('09:00', '09:30', other.id)).toBe(false);

      const windows = await scheduling.openWindows(db.manager, {
        providerIds: [provider.id],
        from: localInstant(monday, '10:00', CHICAGO),
        to: localInstant(monday, '23:00', CHICAGO),
      });
      expect(windows).toEqual([
        {
          providerId: provider.id,
          locationId: location.id,
          startsAt: localInstant(monday, '10:00', CHICAGO),
          endsAt: localInstant(monday, '12:00', CHICAGO),
        },
      ]);
    });
  });
});
