import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { Accessor, Principal } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { StaffNotFoundError } from '../staff/staff.errors.js';
import {
  CannotReviewOwnEmergencyAccessError,
  EmergencyAccessNotFoundError,
  EmergencyAccessReviewedError,
} from './care.errors.js';
import type {
  EmergencyAccessGrant,
  EmergencyAccessItem,
  EmergencyAccessPage,
  EmergencyAccessQuery,
  StaffLocations,
} from './care.dto.js';
import { CareRepository, type GrantRow } from './care.repository.js';

/** How a staff member reaches a patient's clinical data, or that they do not. */
export type CareReachResult = 'care' | 'unaffiliated' | 'emergency' | 'none';

/**
 * Minimum necessary access. Staff reach a patient's clinical data when the patient is seen
 * at one of their locations (or by them, as provider), when the patient belongs to no
 * location yet, or through an emergency access they used for that patient. The one check is
 * `reach` (asked by PatientScopeGuard); the rest manages its inputs: staff locations, and the
 * emergency accesses with their review.
 */
@Injectable()
export class CareAccessService {
  constructor(
    private readonly repository: CareRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One query, whatever the patient's history or the staff member's locations. */
  async reach(principal: Principal, patientId: string): Promise<CareReachResult> {
    const found = await this.repository.reach(principal.accountId, patientId, this.clock.now());
    if (found.inCare) return 'care';
    if (found.unaffiliated) return 'unaffiliated';
    return found.emergency ? 'emergency' : 'none';
  }

  /**
   * Break the glass: opens the patient's record to the caller for the configured time; null
   * when there is no such patient. (This file must not import common/patient-scope.ts, whose
   * guard depends on this service.)
   */
  async grantEmergencyAccess(
    patientId: string,
    reason: string,
    by: Accessor,
  ): Promise<EmergencyAccessGrant | null> {
    const grantedAt = this.clock.now();
    const expiresAt = new Date(grantedAt.getTime() + this.config.emergencyAccessMinutes * 60_000);
    const id = newId();
    const made = await this.db.transaction(async (manager) => {
      const inserted = await this.repository.insertGrant(
        { id, accountId: by.principal.accountId, patientId, reason, grantedAt, expiresAt },
        manager,
      );
      if (!inserted) return false;
      await this.audit.recordSuccess(
        by,
        'emergency-access.grant',
        { patientId, resourceType: 'emergency_access', resourceId: id },
        manager,
      );
      return true;
    });
    if (!made) return null;
    return {
      id,
      patientId,
      reason,
      grantedAt: grantedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The review list: newest first, one query for the page and one audit INSERT. */
  async listEmergencyAccess(
    query: EmergencyAccessQuery,
    by: Accessor,
  ): Promise<EmergencyAccessPage> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) {
      throw validationProblem([{ field: 'to', message: 'to must be after from.' }]);
    }
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'instant');
    const rows = await this.repository.listGrants(
      {
        accountId: query.staffAccountId,
        patientId: query.patientId,
        from,
        to,
        reviewed: query.reviewed === undefined ? undefined : query.reviewed === 'true',
        after,
      },
      query.limit + 1,
    );
    const page = pageOf(rows, query.limit, (row) => [row.granted_key, row.id]);
    // The reviewer saw who opened these records and why: each patient's access log says so.
    const patients = [...new Set(page.items.map((row) => row.patient_id))];
    await this.audit.recordMany(
      (patients.length ? patients : [null]).map((patientId) => ({
        action: 'emergency-access.list',
        outcome: 'success' as const,
        actor: by.principal,
        patientId,
        resourceType: 'emergency_access',
        context: by.context,
      })),
    );
    const now = this.clock.now();
    return { items: page.items.map((row) => toItem(row, now)), nextCursor: page.nextCursor };
  }

  /** Marks a grant reviewed, once, by someone other than the person who used it. */
  async markReviewed(id: string, by: Accessor): Promise<EmergencyAccessItem> {
    const row = await this.db.transaction(async (manager) => {
      const grant = await this.repository.grant(id, manager);
      if (!grant) throw new EmergencyAccessNotFoundError();
      if (grant.account_id === by.principal.accountId) {
        throw new CannotReviewOwnEmergencyAccessError();
      }
      const now = this.clock.now();
      if (!(await this.repository.markReviewed(id, by.principal.accountId, now, manager))) {
        throw new EmergencyAccessReviewedError();
      }
      await this.audit.recordSuccess(
        by,
        'emergency-access.review',
        { patientId: grant.patient_id, resourceType: 'emergency_access', resourceId: id },
        manager,
      );
      return (await this.repository.grant(id, manager))!;
    });
    return toItem(row, this.clock.now());
  }

  async staffLocations(accountId: string): Promise<StaffLocations> {
    if (!(await this.repository.isStaff(accountId))) throw new StaffNotFoundError();
    return this.repository.locationsOf(accountId, this.clock.now());
  }

  /** Sets the locations an administrator assigns; audited like every change of a staff account. */
  async setStaffLocations(
    accountId: string,
    locationIds: string[],
    by: Accessor,
  ): Promise<StaffLocations> {
    const ids = locationIds.map((id) => id.toLowerCase());
    await this.db.transaction(async (manager) => {
      if (!(await this.repository.isStaff(accountId, manager))) throw new StaffNotFoundError();
      if ((await this.repository.unknownLocations(ids, manager)).length) {
        throw validationProblem([
          { field: 'locationIds', message: 'Choose locations from the clinic’s list.' },
        ]);
      }
      await this.repository.setLocations(
        accountId,
        ids,
        by.principal.accountId,
        this.clock.now(),
        manager,
      );
      await this.audit.recordSuccess(
        by,
        'staff.locations.update',
        { resourceType: 'account', resourceId: accountId },
        manager,
      );
    });
    return this.repository.locationsOf(accountId, this.clock.now());
  }
}

function toItem(row: GrantRow, now: Date): EmergencyAccessItem {
  return {
    id: row.id,
    staff: {
      accountId: row.account_id,
      displayName: row.staff_name,
      username: row.staff_username,
    },
    patient: { id: row.patient_id, name: `${row.family_name}, ${row.given_name}`, mrn: row.mrn },
    reason: row.reason,
    grantedAt: row.granted_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    active: row.expires_at > now,
    review:
      row.reviewed_by && row.reviewed_at
        ? {
            accountId: row.reviewed_by,
            displayName: row.reviewer_name,
            reviewedAt: row.reviewed_at.toISOString(),
          }
        : null,
  };
}
