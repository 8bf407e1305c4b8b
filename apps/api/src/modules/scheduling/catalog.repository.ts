import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  In,
  type DataSource,
  type EntityManager,
  type ObjectLiteral,
  type UpdateResult,
} from 'typeorm';
import { decodeCursor } from '../../common/pager.js';
import { Location, Provider, ProviderVisitType, VisitType } from './scheduling.entities.js';

type CatalogTable = typeof Location | typeof Provider | typeof VisitType;

export interface ProviderRow {
  id: string;
  display_name: string;
  specialty: string;
  bio: string | null;
  active: boolean;
  account_id: string | null;
  name_key: string;
  visit_type_ids: string[];
  location_ids: string[];
}

// Raw rows shaped like the entities, so list queries can sort and page by lower(name).
const LOCATION_COLUMNS = `id, name, address, phone, time_zone AS "timeZone",
  arrival_instructions AS "arrivalInstructions", active, created_at AS "createdAt",
  updated_at AS "updatedAt"`;
const VISIT_TYPE_COLUMNS = `id, name, description, duration_minutes AS "durationMinutes",
  bookable_online AS "bookableOnline", patient_status AS "patientStatus", active,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * What a patient sees of the catalog, written once: open locations, active providers, and
 * visit types that are active and bookable online.
 */
const PATIENT_SEES = {
  location: 'active',
  provider: 'p.active',
  visitType: 'active AND bookable_online',
  /** Inside a provider's row: the visit types they offer that a patient may book. */
  offeredVisitType: 'vt.active AND vt.bookable_online',
  offeredLocation: 'l.active',
} as const;

/** Keyset pages of the catalog by (lower(name), id): `limit + 1` rows after the cursor. */
interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * The queries of location, provider, provider_visit_type and visit_type; CatalogService holds
 * the rules. Writes and locks run on the caller's EntityManager, inside its transaction.
 */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  locations(page: PageRequest, patientView: boolean): Promise<(Location & { name_key: string })[]> {
    return this.byName(
      'location',
      LOCATION_COLUMNS,
      page,
      patientView ? PATIENT_SEES.location : null,
    );
  }

  visitTypes(
    page: PageRequest,
    patientView: boolean,
  ): Promise<(VisitType & { name_key: string })[]> {
    return this.byName(
      'visit_type',
      VISIT_TYPE_COLUMNS,
      page,
      patientView ? PATIENT_SEES.visitType : null,
    );
  }

  private byName<Row>(
    table: 'location' | 'visit_type',
    columns: string,
    page: PageRequest,
    visible: string | null,
  ): Promise<Row[]> {
    const args: unknown[] = [page.limit + 1];
    const where: string[] = visible ? [visible] : [];
    if (page.cursor) {
      const [name, id] = decodeCursor(page.cursor, 'text');
      args.push(name, id);
      where.push('(lower(name), id) > ($2::text, $3::uuid)');
    }
    return this.db.query(
      `SELECT ${columns}, lower(name) AS name_key FROM ${table}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(name), id LIMIT $1`,
      args,
    );
  }

  /** Providers by name, optionally only those offering a visit type or working at a location. */
  providers(
    query: PageRequest & { visitTypeId?: string; locationId?: string },
    patientView: boolean,
    now: Date,
  ): Promise<ProviderRow[]> {
    const args: unknown[] = [now, query.limit + 1];
    const arg = (value: unknown) => {
      args.push(value);
      return `$${args.length}`;
    };
    const where: string[] = [];
    if (patientView) where.push(PATIENT_SEES.provider);
    if (query.visitTypeId) {
      where.push(
        `EXISTS (SELECT 1 FROM provider_visit_type pvt
                  WHERE pvt.provider_id = p.id AND pvt.visit_type_id = ${arg(query.visitTypeId)}::uuid)`,
      );
    }
    if (query.locationId) {
      where.push(
        `EXISTS (SELECT 1 FROM availability_rule r JOIN location l ON l.id = r.location_id
                  WHERE r.provider_id = p.id AND r.location_id = ${arg(query.locationId)}::uuid
                    AND (r.valid_until IS NULL
                         OR r.valid_until >= ($1::timestamptz AT TIME ZONE l.time_zone)::date))`,
      );
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 'text');
      where.push(`(lower(p.display_name), p.id) > (${arg(name)}::text, ${arg(id)}::uuid)`);
    }
    return this.providerRows(this.db.manager, patientView, where, args, '$2');
  }

  /** One provider (inside the caller's transaction when given). */
  async provider(
    id: string,
    patientView: boolean,
    now: Date,
    manager: EntityManager,
  ): Promise<ProviderRow | undefined> {
    const where = ['p.id = $2::uuid', ...(patientView ? [PATIENT_SEES.provider] : [])];
    const [row] = await this.providerRows(manager, patientView, where, [now, id], '1');
    return row;
  }

  /** Providers with the visit types they offer and the locations they work at, in one query. */
  private providerRows(
    manager: EntityManager,
    patientView: boolean,
    where: string[],
    args: unknown[],
    limit: string,
  ): Promise<ProviderRow[]> {
    return manager.query(
      `SELECT p.id, p.display_name, p.specialty, p.bio, p.active, p.account_id,
              lower(p.display_name) AS name_key,
              ARRAY(SELECT vt.id::text FROM provider_visit_type pvt
                      JOIN visit_type vt ON vt.id = pvt.visit_type_id
                     WHERE pvt.provider_id = p.id
                       ${patientView ? `AND ${PATIENT_SEES.offeredVisitType}` : ''}
                     ORDER BY lower(vt.name), vt.id) AS visit_type_ids,
              ARRAY(SELECT l.id::text FROM location l
                     WHERE ${patientView ? `${PATIENT_SEES.offeredLocation} AND` : ''} EXISTS (
                             SELECT 1 FROM availability_rule r
                              WHERE r.provider_id = p.id AND r.location_id = l.id
                                AND (r.valid_until IS NULL
                                     OR r.valid_until >= ($1::timestamptz AT TIME ZONE l.time_zone)::date))
                     ORDER BY lower(l.name), l.id) AS location_ids
         FROM provider p
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(p.display_name), p.id
        LIMIT ${limit}`,
      args,
    );
  }

  // --- rows by id, and writes ------------------------------------------------------------

  findLocation(manager: EntityManager, id: string): Promise<Location | null> {
    return manager.getRepository(Location).findOneBy({ id });
  }

  findLocations(manager: EntityManager, ids: string[]): Promise<Location[]> {
    return manager.getRepository(Location).findBy({ id: In(ids) });
  }

  /** The provider, held FOR UPDATE until the transaction ends when `lock` is set. */
  findProvider(manager: EntityManager, id: string, lock = false): Promise<Provider | null> {
    return manager.getRepository(Provider).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * The provider for a booking; inside a transaction held FOR SHARE until it ends, so a
   * change of the provider's hours (which takes it FOR UPDATE) waits for the booking.
   */
  findProviderToBook(manager: EntityManager, id: string): Promise<Provider | null> {
    const providers = manager
      .getRepository(Provider)
      .createQueryBuilder('p')
      .where('p.id = :id', { id });
    if (manager.queryRunner?.isTransactionActive) providers.setLock('pessimistic_read');
    return providers.getOne();
  }

  offersVisitType(manager: EntityManager, providerId: string, visitTypeId: string) {
    return manager.getRepository(ProviderVisitType).existsBy({ providerId, visitTypeId });
  }

  /** Replaces the visit types the provider offers (`clear` first when they had some). */
  async setOffers(
    manager: EntityManager,
    providerId: string,
    visitTypeIds: string[],
    clear: boolean,
  ): Promise<void> {
    const offers = manager.getRepository(ProviderVisitType);
    if (clear) await offers.delete({ providerId });
    if (!visitTypeIds.length) return;
    await offers.insert(
      [...new Set(visitTypeIds)].map((visitTypeId) => ({ providerId, visitTypeId })),
    );
  }

  findVisitType(manager: EntityManager, id: string): Promise<VisitType | null> {
    return manager.getRepository(VisitType).findOneBy({ id });
  }

  countVisitTypes(manager: EntityManager, ids: string[]): Promise<number> {
    return manager.getRepository(VisitType).countBy({ id: In(ids) });
  }

  /** Inserts a location, provider or visit type (it may clash with a unique name or account). */
  async insert<Table extends CatalogTable>(
    manager: EntityManager,
    table: Table,
    row: InstanceType<Table>,
  ): Promise<void> {
    await manager.getRepository<ObjectLiteral>(table).insert(row);
  }

  /** Changes a location, provider or visit type by id; `affected` is 0 when there is none. */
  update<Table extends CatalogTable>(
    manager: EntityManager,
    table: Table,
    id: string,
    set: Partial<InstanceType<Table>>,
  ): Promise<UpdateResult> {
    return manager.getRepository<ObjectLiteral>(table).update({ id }, set);
  }
}
