import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../infra/database/sql.js';
import { RegistrationEmailCode, RegistrationTicket } from './registration.entity.js';

/**
 * The queries of registration_email_code and registration_ticket; RegistrationService holds
 * the rules. Each check-and-change is one conditional statement, so parallel requests share
 * the limits it enforces.
 */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a new code for the link, replacing the last one while fewer than `maxSends` were
   * sent. False when the limit is reached (nothing changed).
   */
  async replaceEmailCode(
    manager: EntityManager,
    code: { tokenHash: string; invitationId: string; codeHash: string; expiresAt: Date; now: Date },
    maxSends: number,
  ): Promise<boolean> {
    const sent = returnedRows<{ sends: number }>(
      await manager.query(
        `INSERT INTO registration_email_code AS c
                (token_hash, invitation_id, code_hash, expires_at, attempts, used_at, sends,
                 created_at, updated_at)
         VALUES ($1, $2, $3, $4, 0, NULL, 1, $5, $5)
         ON CONFLICT (token_hash) DO UPDATE
            SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
                attempts = 0, used_at = NULL, sends = c.sends + 1, updated_at = EXCLUDED.updated_at
          WHERE c.sends < $6
      RETURNING sends`,
        [code.tokenHash, code.invitationId, code.codeHash, code.expiresAt, code.now, maxSends],
      ),
    );
    return sent.length > 0;
  }

  /** Counts a try at the link's live code; nothing back when it is used, expired or spent. */
  async takeEmailCodeTry(
    tokenHash: string,
    now: Date,
    maxTries: number,
  ): Promise<{ code_hash: string; attempts: number } | undefined> {
    const [current] = returnedRows<{ code_hash: string; attempts: number }>(
      await this.db.query(
        `UPDATE registration_email_code SET attempts = attempts + 1, updated_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND attempts < $3
      RETURNING code_hash, attempts`,
        [tokenHash, now, maxTries],
      ),
    );
    return current;
  }

  findEmailCode(tokenHash: string): Promise<RegistrationEmailCode | null> {
    return this.db.getRepository(RegistrationEmailCode).findOneBy({ tokenHash });
  }

  /** Marks the code used; false when another request used it first. */
  async useEmailCode(tokenHash: string, codeHash: string, now: Date): Promise<boolean> {
    const used = returnedRows<{ token_hash: string }>(
      await this.db.query(
        `UPDATE registration_email_code SET used_at = $2, updated_at = $2
          WHERE token_hash = $1 AND code_hash = $3 AND used_at IS NULL
      RETURNING token_hash`,
        [tokenHash, now, codeHash],
      ),
    );
    return used.length > 0;
  }

  async insertTicket(manager: EntityManager, ticket: RegistrationTicket): Promise<void> {
    await manager.getRepository(RegistrationTicket).insert(ticket);
  }

  findTicket(ticketHash: string): Promise<RegistrationTicket | null> {
    return this.db.getRepository(RegistrationTicket).findOneBy({ ticketHash });
  }

  /** Spends a live ticket; false when it was used or expired meanwhile. */
  async spendTicket(manager: EntityManager, ticketHash: string, now: Date): Promise<boolean> {
    const spent = returnedRows<{ ticket_hash: string }>(
      await manager.query(
        `UPDATE registration_ticket SET used_at = $2
          WHERE ticket_hash = $1 AND used_at IS NULL AND expires_at > $2
      RETURNING ticket_hash`,
        [ticketHash, now],
      ),
    );
    return spent.length > 0;
  }
}
