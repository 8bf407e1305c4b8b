import type { DataSource } from 'typeorm';

/**
 * Assigns a staff member to a location, as an administrator would: they then reach the
 * clinical record of every patient with an appointment there (minimum necessary access).
 */
export async function assignLocation(db: DataSource, accountId: string, locationId: string) {
  await db.query(
    `INSERT INTO staff_location (account_id, location_id, assigned_by, assigned_at)
     VALUES ($1, $2, NULL, now()) ON CONFLICT DO NOTHING`,
    [accountId, locationId],
  );
}
