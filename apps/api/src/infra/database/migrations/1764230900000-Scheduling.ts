import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Scheduling1764230900000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // The exclusion constraint below needs equality on uuid inside a GiST index.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE location (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        address jsonb NOT NULL,
        phone text NOT NULL,
        -- An IANA zone name, checked by the application against the runtime's zone database.
        time_zone text NOT NULL,
        arrival_instructions text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX location_name_key ON location (lower(name))`);

    await q.query(`
      CREATE TABLE provider (
        id uuid PRIMARY KEY,
        account_id uuid UNIQUE REFERENCES account (id),
        display_name text NOT NULL,
        specialty text NOT NULL,
        bio text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Lists sort by name and page with a (lower(name), id) cursor.
    await q.query(`CREATE INDEX provider_name_order_idx ON provider (lower(display_name), id)`);

    await q.query(`
      CREATE TABLE visit_type (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        bookable_online boolean NOT NULL,
        patient_status text NOT NULL CHECK (patient_status IN ('new', 'established', 'any')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX visit_type_name_key ON visit_type (lower(name))`);

    await q.query(`
      CREATE TABLE provider_visit_type (
        provider_id uuid NOT NULL REFERENCES provider (id),
        visit_type_id uuid NOT NULL REFERENCES visit_type (id),
        PRIMARY KEY (provider_id, visit_type_id)
      )`);
    // "Which providers offer this visit type" (any-provider search).
    await q.query(
      `CREATE INDEX provider_visit_type_by_type_idx ON provider_visit_type (visit_type_id, provider_id)`,
    );

    // Weekly hours in the location's wall-clock time: ISO weekday (1 = Monday) and a
    // [start, end) time of day, valid over a range of calendar dates.
    await q.query(`
      CREATE TABLE availability_rule (
        id uuid PRIMARY KEY,
        provider_id uuid NOT NULL REFERENCES provider (id),
        location_id uuid NOT NULL REFERENCES location (id),
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time time NOT NULL,
        end_time time NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        created_at timestamptz NOT NULL,
        CHECK (end_time > start_time),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    // One provider cannot be in two places at once: no two rules of a provider overlap on the
    // same weekday over overlapping dates, whatever the location.
    await q.query(`
      ALTER TABLE availability_rule ADD CONSTRAINT availability_rule_no_overlap EXCLUDE USING gist (
        provider_id WITH =,
        weekday WITH =,
        tsrange('2000-01-01'::date + start_time, '2000-01-01'::date + end_time) WITH &&,
        daterange(valid_from, valid_until, '[]') WITH &&
      )`);
    await q.query(`CREATE INDEX availability_rule_location_idx ON availability_rule (location_id)`);

    // Time off removes hours; extra hours add them (at a location). Absolute instants.
    await q.query(`
      CREATE TABLE availability_exception (
        id uuid PRIMARY KEY,
        provider_id uuid NOT NULL REFERENCES provider (id),
        location_id uuid REFERENCES location (id),
        kind text NOT NULL CHECK (kind IN ('time-off', 'extra-hours')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        note text,
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        CHECK ((kind = 'extra-hours') = (location_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX availability_exception_provider_idx ON availability_exception (provider_id, ends_at)`,
    );

    await q.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        provider_id uuid NOT NULL REFERENCES provider (id),
        location_id uuid NOT NULL REFERENCES location (id),
        visit_type_id uuid NOT NULL REFERENCES visit_type (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('booked', 'arrived', 'completed', 'no-show', 'cancelled')),
        -- Private to the care team and the patient: never in emails, calendar files or jobs.
        reason text,
        booked_by text NOT NULL CHECK (booked_by IN ('patient', 'staff')),
        booked_by_account_id uuid REFERENCES account (id),
        cancel_reason text,
        cancelled_at timestamptz,
        cancelled_by text CHECK (cancelled_by IN ('patient', 'staff')),
        -- Bumped by every change; clients send it back so a stale change answers 409.
        version integer NOT NULL DEFAULT 1,
        -- Bumped only when the time moves; reminder jobs carry it to recognise a moved visit.
        schedule_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    // No double booking, enforced here and not only in code: active appointments of one
    // provider never overlap. This GiST index also serves "a provider's appointments in a range".
    await q.query(`
      ALTER TABLE appointment ADD CONSTRAINT appointment_no_double_booking EXCLUDE USING gist (
        provider_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&
      ) WHERE (status <> 'cancelled')`);
    // A patient's appointments in time order (lists, own-overlap and future-booking checks).
    await q.query(
      `CREATE INDEX appointment_patient_idx ON appointment (patient_id, starts_at, id)`,
    );
    // Staff calendars by provider or location over a day or a week.
    // Open-time searches read only these columns: an index-only scan, whatever the table size.
    await q.query(
      `CREATE INDEX appointment_provider_idx ON appointment (provider_id, starts_at) INCLUDE (ends_at, status)`,
    );
    await q.query(`CREATE INDEX appointment_location_idx ON appointment (location_id, starts_at)`);
    // The reminder reconciler walks future booked appointments.
    await q.query(
      `CREATE INDEX appointment_upcoming_booked_idx ON appointment (starts_at) WHERE status = 'booked'`,
    );

    // One row per reminder sent: the handler inserts it in the same transaction as the email,
    // so a duplicate delivery of the job finds the row and sends nothing.
    await q.query(`
      CREATE TABLE appointment_reminder (
        appointment_id uuid NOT NULL REFERENCES appointment (id),
        schedule_version integer NOT NULL,
        offset_minutes integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'skipped')),
        -- Why a reminder was skipped (no email on file, cancelled, moved): no health data.
        detail text,
        mail_delivery_id uuid,
        processed_at timestamptz NOT NULL,
        PRIMARY KEY (appointment_id, schedule_version, offset_minutes)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'appointment_reminder',
      'appointment',
      'availability_exception',
      'availability_rule',
      'provider_visit_type',
      'visit_type',
      'provider',
      'location',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
