import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { decodeCursor } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';
import { Invitation, InvitationReplacedToken, type InvitationStatus } from './invitation.entity.js';

/** Statuses of an invitation whose link may still be used (until it expires). */
const OPEN: Invitation['status'][] = ['pending', 'sent'];

/**
 * The one rule of a usable link, in SQL: the invitation is open, unexpired and unlocked.
 * `now` is the placeholder of the current time in the query.
 */
function usable(now: string): string {
  return `status IN ('pending', 'sent') AND expires_at > ${now} AND locked_at IS NULL`;
}

/** The queries of invitation and invitation_replaced_token; the service holds the rules. */
@Injectable()
export class InvitationsRepository {
  constructor(
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectRepository(InvitationReplacedToken)
    private readonly replacedTokens: Repository<InvitationReplacedToken>,
  ) {}

  /** Whether the patient has an invitation whose link still works. */
  hasLive(manager: EntityManager, patientId: string, now: Date): Promise<boolean> {
    return manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.patientId = :patientId', { patientId })
      .andWhere('i.status IN (:...open)', { open: OPEN })
      .andWhere('i.expiresAt > :now', { now })
      .getExists();
  }

  async insert(manager: EntityManager, invitation: Invitation): Promise<void> {
    await manager.getRepository(Invitation).insert(invitation);
  }

  /** The invitation, held until the caller's transaction ends. */
  findForUpdate(manager: EntityManager, id: string): Promise<Invitation | null> {
    return manager
      .getRepository(Invitation)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Invitation>): Promise<void> {
    await manager.getRepository(Invitation).update({ id }, changes);
  }

  /** Keeps a replaced link's hash, so its holder learns it was replaced. */
  async replaceToken(
    manager: EntityManager,
    row: { tokenHash: string; invitationId: string; replacedAt: Date },
  ): Promise<void> {
    await manager.getRepository(InvitationReplacedToken).insert(row);
  }

  findById(id: string): Promise<Invitation | null> {
    return this.invitations.findOneBy({ id });
  }

  findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.invitations.findOneBy({ tokenHash });
  }

  findReplacedToken(tokenHash: string): Promise<InvitationReplacedToken | null> {
    return this.replacedTokens.findOneBy({ tokenHash });
  }

  /** Newest first, `limit + 1` rows after the cursor, by patient and status. */
  list(
    filter: { patientId?: string; status?: InvitationStatus; limit: number; cursor?: string },
    now: Date,
  ): Promise<Invitation[]> {
    const query = this.invitations
      .createQueryBuilder('i')
      .orderBy('i.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.cursor) {
      const [, after] = decodeCursor(filter.cursor, 'none');
      query.andWhere('i.id < :after', { after });
    }
    if (filter.patientId)
      query.andWhere('i.patientId = :patientId', { patientId: filter.patientId });
    switch (filter.status) {
      case 'pending':
      case 'sent':
        query.andWhere('i.status = :status AND i.expiresAt > :now', { status: filter.status, now });
        break;
      case 'expired':
        query.andWhere('i.status IN (:...open) AND i.expiresAt <= :now', { open: OPEN, now });
        break;
      case 'accepted':
      case 'revoked':
        query.andWhere('i.status = :status', { status: filter.status });
        break;
    }
    return query.getMany();
  }

  /** Takes one date-of-birth try of a usable link; the try's number, or null when none is left. */
  async takeBirthDateTry(
    id: string,
    tokenHash: string,
    maxTries: number,
    now: Date,
  ): Promise<number | null> {
    const rows = returnedRows<{ dob_failures: number }>(
      await this.invitations.query(
        `UPDATE invitation SET dob_failures = dob_failures + 1, updated_at = $4
          WHERE id = $1 AND token_hash = $2 AND ${usable('$4')} AND dob_failures < $3
      RETURNING dob_failures`,
        [id, tokenHash, maxTries, now],
      ),
    );
    return rows[0]?.dob_failures ?? null;
  }

  /** Locks the link once its tries are used up (a resend in between reset them). */
  async lock(id: string, tokenHash: string, maxTries: number, now: Date): Promise<void> {
    await this.invitations.query(
      `UPDATE invitation SET locked_at = $3, updated_at = $3
        WHERE id = $1 AND token_hash = $2 AND locked_at IS NULL AND dob_failures >= $4`,
      [id, tokenHash, now, maxTries],
    );
  }

  /** Whether the link is usable, holding the row (FOR SHARE) until the caller commits. */
  async holdUsable(
    manager: EntityManager,
    id: string,
    tokenHash: string,
    now: Date,
  ): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `SELECT id FROM invitation
          WHERE id = $1 AND token_hash = $2 AND ${usable('$3')}
            FOR SHARE`,
        [id, tokenHash, now],
      ),
    );
    return rows.length === 1;
  }

  /** Spends a usable link; whether it was. */
  async accept(manager: EntityManager, id: string, tokenHash: string, now: Date): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE invitation SET status = 'accepted', accepted_at = $3, updated_at = $3
          WHERE id = $1 AND token_hash = $2 AND ${usable('$3')}
      RETURNING id`,
        [id, tokenHash, now],
      ),
    );
    return rows.length === 1;
  }

  /** Live invitations whose email was never queued. */
  unsent(now: Date): Promise<Invitation[]> {
    return this.invitations
      .createQueryBuilder('i')
      .where(`i.status = 'pending'`)
      .andWhere('i.expiresAt > :now', { now })
      .getMany();
  }

  /** Marks the invitation sent if it is still pending with that email; whether it was. */
  async markSent(invitation: Invitation, sentAt: Date): Promise<boolean> {
    const result = await this.invitations.update(
      { id: invitation.id, status: 'pending', mailDeliveryId: invitation.mailDeliveryId },
      { status: 'sent', sentAt, updatedAt: sentAt },
    );
    return Boolean(result.affected);
  }
}
