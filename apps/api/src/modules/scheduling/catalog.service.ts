import { CatalogRepository, type ProviderRow } from './catalog.repository.js';
import type { AuditAction } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Principal } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { newId } from '../../infra/database/ids.js';
import { isUniqueViolation } from '../../infra/database/sql.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { cleanAddress, type PostalAddress } from '../patients/patient.entity.js';
import type { Accessor } from '../../common/principal.js';
import {
  toLocationView,
  toVisitTypeSummary,
  type LocationPage,
  type LocationView,
  type ProviderPage,
  type ProviderSummary,
  type VisitTypePage,
  type VisitTypeSummary,
} from './catalog.dto.js';
import { pageOf } from '../../common/pager.js';
import { Location, Provider, VisitType, type PatientStatusRule } from './scheduling.entities.js';
import {
  AccountAlreadyLinkedError,
  AccountNotProviderError,
  LocationNameTakenError,
  LocationNotFoundError,
  ProviderNotFoundError,
  UnknownVisitTypesError,
  VisitTypeNameTakenError,
  VisitTypeNotFoundError,
} from './scheduling.errors.js';

export interface NewLocation {
  name: string;
  address: PostalAddress;
  phone: string;
  timeZone: string;
  arrivalInstructions?: string | null;
}
export type LocationChanges = Partial<NewLocation> & { active?: boolean };

export interface NewProvider {
  displayName: string;
  specialty: string;
  bio?: string | null;
  accountId?: string | null;
  visitTypeIds: string[];
}
export type ProviderChanges = Partial<NewProvider> & { active?: boolean };

export interface NewVisitType {
  name: string;
  description?: string | null;
  durationMinutes: number;
  bookableOnline: boolean;
  patientStatus: PatientStatusRule;
}
export type VisitTypeChanges = Partial<NewVisitType> & { active?: boolean };

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** The fields a PATCH sent (absent means unchanged; null clears an optional one). */
function sent<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function nothingToChange(): never {
  throw validationProblem([{ field: 'body', message: 'Send at least one field to change.' }]);
}

const isPatient = (principal: Principal) => principal.kind === 'patient';

/**
 * The clinic catalog: locations, providers and visit types, and the only writer of their
 * tables. Reads are not patient data; changes are audited.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: CatalogRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // --- locations -------------------------------------------------------------------------

  /** By name; patients see open locations only. One query. */
  async listLocations(page: PageRequest, principal: Principal): Promise<LocationPage> {
    const rows = await this.rows.locations(page, isPatient(principal));
    const { items, nextCursor } = pageOf(rows, page.limit, byName);
    return { items: items.map(toLocationView), nextCursor };
  }

  async createLocation(input: NewLocation, by: Accessor): Promise<LocationView> {
    const now = this.clock.now();
    const location: Location = {
      id: newId(),
      name: input.name,
      address: cleanAddress(input.address)!,
      phone: input.phone,
      timeZone: input.timeZone,
      arrivalInstructions: input.arrivalInstructions ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction(async (manager) => {
      await this.uniqueName(
        () => this.rows.insert(manager, Location, location),
        'location_name_key',
        () => new LocationNameTakenError(),
      );
      await this.record('location.create', 'location', location.id, by, manager);
    });
    return toLocationView(location);
  }

  async updateLocation(id: string, changes: LocationChanges, by: Accessor): Promise<LocationView> {
    if (!UUID_PATTERN.test(id)) throw new LocationNotFoundError();
    const set = sent(changes);
    if (!Object.keys(set).length) nothingToChange();
    if (set.address) set.address = cleanAddress(set.address)!;
    return this.db.transaction(async (manager) => {
      const result = await this.uniqueName(
        () => this.rows.update(manager, Location, id, { ...set, updatedAt: this.clock.now() }),
        'location_name_key',
        () => new LocationNameTakenError(),
      );
      if (!result.affected) throw new LocationNotFoundError();
      await this.record('location.update', 'location', id, by, manager);
      return toLocationView((await this.rows.findLocation(manager, id))!);
    });
  }

  // --- providers -------------------------------------------------------------------------

  /**
   * By name, with the visit types each offers and the locations where each has weekly hours
   * now or later. Patients see active providers, online-bookable visit types and open
   * locations only. One query.
   */
  async listProviders(
    query: PageRequest & { visitTypeId?: string; locationId?: string },
    principal: Principal,
  ): Promise<ProviderPage> {
    const rows = await this.rows.providers(query, isPatient(principal), this.clock.now());
    const { items: page, nextCursor } = pageOf(rows, query.limit, byName);
    return { items: page.map((row) => this.toProviderSummary(row, principal)), nextCursor };
  }

  /** One provider; patients do not see inactive ones. */
  async getProvider(id: string, principal: Principal, manager?: EntityManager) {
    if (!UUID_PATTERN.test(id)) throw new ProviderNotFoundError();
    const row = await this.rows.provider(
      id,
      isPatient(principal),
      this.clock.now(),
      manager ?? this.db.manager,
    );
    if (!row) throw new ProviderNotFoundError();
    return this.toProviderSummary(row, principal);
  }

  async createProvider(input: NewProvider, by: Accessor): Promise<ProviderSummary> {
    const now = this.clock.now();
    const provider: Provider = {
      id: newId(),
      accountId: input.accountId ?? null,
      displayName: input.displayName,
      specialty: input.specialty,
      bio: input.bio ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    return this.db.transaction(async (manager) => {
      if (provider.accountId) await this.assertProviderAccount(provider.accountId);
      await this.assertVisitTypesExist(manager, input.visitTypeIds);
      await this.uniqueName(
        () => this.rows.insert(manager, Provider, provider),
        'provider_account_id_key',
        () => new AccountAlreadyLinkedError(),
      );
      await this.rows.setOffers(manager, provider.id, input.visitTypeIds, false);
      await this.record('provider.create', 'provider', provider.id, by, manager);
      return this.getProvider(provider.id, by.principal, manager);
    });
  }

  async updateProvider(
    id: string,
    changes: ProviderChanges,
    by: Accessor,
  ): Promise<ProviderSummary> {
    if (!UUID_PATTERN.test(id)) throw new ProviderNotFoundError();
    const { visitTypeIds, ...columns } = sent(changes);
    if (!Object.keys(columns).length && visitTypeIds === undefined) nothingToChange();
    return this.db.transaction(async (manager) => {
      // Held until commit: availability changes and bookings of this provider wait.
      const current = await this.rows.findProvider(manager, id, true);
      if (!current) throw new ProviderNotFoundError();
      if (columns.accountId && columns.accountId !== current.accountId) {
        await this.assertProviderAccount(columns.accountId);
      }
      if (visitTypeIds !== undefined) {
        await this.assertVisitTypesExist(manager, visitTypeIds);
        await this.rows.setOffers(manager, id, visitTypeIds, true);
      }
      await this.uniqueName(
        () => this.rows.update(manager, Provider, id, { ...columns, updatedAt: this.clock.now() }),
        'provider_account_id_key',
        () => new AccountAlreadyLinkedError(),
      );
      await this.record('provider.update', 'provider', id, by, manager);
      return this.getProvider(id, by.principal, manager);
    });
  }

  private toProviderSummary(row: ProviderRow, principal: Principal): ProviderSummary {
    return {
      id: row.id,
      displayName: row.display_name,
      specialty: row.specialty,
      bio: row.bio,
      active: row.active,
      // Which staff account signs in as the provider is the clinic's business only.
      accountId: isPatient(principal) ? null : row.account_id,
      visitTypeIds: row.visit_type_ids,
      locationIds: row.location_ids,
    };
  }

  /** Only a staff account with the provider role can be linked (422 otherwise). */
  private async assertProviderAccount(accountId: string): Promise<void> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.kind !== 'staff' || !account.roles.includes('provider')) {
      throw new AccountNotProviderError();
    }
  }

  private async assertVisitTypesExist(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.rows.countVisitTypes(manager, ids);
    if (found !== new Set(ids).size) throw new UnknownVisitTypesError();
  }

  // --- visit types -----------------------------------------------------------------------

  /** By name; patients see active visit types they may book online only. One query. */
  async listVisitTypes(page: PageRequest, principal: Principal): Promise<VisitTypePage> {
    const rows = await this.rows.visitTypes(page, isPatient(principal));
    const { items, nextCursor } = pageOf(rows, page.limit, byName);
    return { items: items.map(toVisitTypeSummary), nextCursor };
  }

  async createVisitType(input: NewVisitType, by: Accessor): Promise<VisitTypeSummary> {
    const now = this.clock.now();
    const visitType: VisitType = {
      id: newId(),
      name: input.name,
      description: input.description ?? null,
      durationMinutes: input.durationMinutes,
      bookableOnline: input.bookableOnline,
      patientStatus: input.patientStatus,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction(async (manager) => {
      await this.uniqueName(
        () => this.rows.insert(manager, VisitType, visitType),
        'visit_type_name_key',
        () => new VisitTypeNameTakenError(),
      );
      await this.record('visit-type.create', 'visit_type', visitType.id, by, manager);
    });
    return toVisitTypeSummary(visitType);
  }

  async updateVisitType(
    id: string,
    changes: VisitTypeChanges,
    by: Accessor,
  ): Promise<VisitTypeSummary> {
    if (!UUID_PATTERN.test(id)) throw new VisitTypeNotFoundError();
    const set = sent(changes);
    if (!Object.keys(set).length) nothingToChange();
    return this.db.transaction(async (manager) => {
      const result = await this.uniqueName(
        () => this.rows.update(manager, VisitType, id, { ...set, updatedAt: this.clock.now() }),
        'visit_type_name_key',
        () => new VisitTypeNameTakenError(),
      );
      if (!result.affected) throw new VisitTypeNotFoundError();
      await this.record('visit-type.update', 'visit_type', id, by, manager);
      return toVisitTypeSummary((await this.rows.findVisitType(manager, id))!);
    });
  }

  // --- shared ----------------------------------------------------------------------------

  /** Runs a write, turning a clash on the named unique index into the given problem. */
  private async uniqueName<T>(
    write: () => Promise<T>,
    constraint: string,
    problem: () => Error,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, constraint)) throw problem();
      throw error;
    }
  }

  private record(
    action: AuditAction,
    resourceType: string,
    resourceId: string,
    by: Accessor,
    manager: EntityManager,
  ): Promise<void> {
    return this.audit.recordSuccess(by, action, { resourceType, resourceId }, manager);
  }
}

/** A row's position in a list by name (common/pager.ts): its lower-cased name, then its id. */
function byName(row: { name_key: string; id: string }): [string, string] {
  return [row.name_key, row.id];
}
