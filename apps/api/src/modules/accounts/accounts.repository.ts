import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  IsNull,
  MoreThan,
  type EntityManager,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import { AccountToken, RecoveryCode, type AccountTokenPurpose } from './account-token.entity.js';
import { Account, type AccountKind } from './account.entity.js';

/** The stored second-factor secrets that key rotation seals again, by table and column. */
export const SEALED_SECRETS = {
  totpSecrets: { table: 'account', column: 'totp_secret', openOnly: false },
  pendingTotpSecrets: { table: 'account', column: 'pending_totp_secret', openOnly: false },
  recoveryCodes: { table: 'recovery_code', column: 'code_hash', openOnly: true },
} as const;
export type SealedSecret = keyof typeof SEALED_SECRETS;

/** The queries of account, recovery_code and account_token; AccountsService holds the rules. */
@Injectable()
export class AccountsRepository {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(RecoveryCode) private readonly recoveryCodes: Repository<RecoveryCode>,
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
  ) {}

  private table(manager?: EntityManager): Repository<Account> {
    return manager ? manager.getRepository(Account) : this.accounts;
  }

  /** Usernames are unique whatever their case. */
  findByUsername(username: string): Promise<Account | null> {
    return this.accounts
      .createQueryBuilder('a')
      .where('lower(a.username) = lower(:username)', { username })
      .getOne();
  }

  findById(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }

  existsForPatient(patientId: string, manager?: EntityManager): Promise<boolean> {
    return this.table(manager).existsBy({ patientId });
  }

  /** Active accounts whose email on file matches (case-insensitive), at most 10. */
  findActiveByEmail(email: string): Promise<Account[]> {
    return this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .andWhere(`a.status = 'active'`)
      .limit(10)
      .getMany();
  }

  async insert(account: Account, manager?: EntityManager): Promise<void> {
    await this.table(manager).insert(account);
  }

  /** Changes the accounts matching `where` (a conditional update when it names old values). */
  async update(where: FindOptionsWhere<Account>, set: Partial<Account>): Promise<number> {
    const result = await this.accounts.update(where, set);
    return result.affected ?? 0;
  }

  list(kind: AccountKind): Promise<Account[]> {
    return this.accounts.find({ where: { kind }, order: { username: 'ASC' }, take: 500 });
  }

  describe(ids: string[]): Promise<Pick<Account, 'id' | 'displayName' | 'roles' | 'kind'>[]> {
    return this.accounts
      .createQueryBuilder('a')
      .select(['a.id', 'a.displayName', 'a.roles', 'a.kind'])
      .where('a.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Records a TOTP time step if it is later than the last one used; whether it was. */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.accounts
      .createQueryBuilder()
      .update(Account)
      .set({ totpLastStep: String(step) })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id, step })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async deleteRecoveryCodes(accountId: string): Promise<void> {
    await this.recoveryCodes.delete({ accountId });
  }

  /** The account's recovery codes become exactly these, in one transaction. */
  async replaceRecoveryCodes(accountId: string, codes: RecoveryCode[]): Promise<void> {
    await this.recoveryCodes.manager.transaction(async (manager) => {
      await manager.delete(RecoveryCode, { accountId });
      await manager.insert(RecoveryCode, codes);
    });
  }

  unusedRecoveryCodes(accountId: string): Promise<RecoveryCode[]> {
    return this.recoveryCodes.find({ where: { accountId, usedAt: IsNull() } });
  }

  /** Spends a recovery code if it is still unused; whether it was. */
  async spendRecoveryCode(id: string, at: Date): Promise<boolean> {
    const result = await this.recoveryCodes.update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  countUnusedRecoveryCodes(accountId: string): Promise<number> {
    return this.recoveryCodes.count({ where: { accountId, usedAt: IsNull() } });
  }

  async insertToken(token: AccountToken, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(AccountToken) : this.tokens).insert(token);
  }

  /** An emailed link's token row while it is unused and unexpired. */
  findLiveToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: Date,
  ): Promise<AccountToken | null> {
    return this.tokens.findOneBy({
      tokenHash,
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
  }

  /** Spends a token if it is still unused; whether it was. */
  async spendToken(tokenHash: string, at: Date): Promise<boolean> {
    const result = await this.tokens.update({ tokenHash, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  /** A batch of stored secrets not sealed under `keyId`, by id after `after`. */
  secretsNotUnder(
    secret: SealedSecret,
    keyId: string,
    after: string,
    limit: number,
  ): Promise<{ id: string; value: string }[]> {
    const { table, column, openOnly } = SEALED_SECRETS[secret];
    return this.accounts.query(
      `SELECT id, ${column} AS value FROM ${table}
        WHERE ${column} IS NOT NULL AND split_part(${column}, '.', 2) <> $1
          ${openOnly ? 'AND used_at IS NULL' : ''}
          AND id > $2 ORDER BY id LIMIT $3`,
      [keyId, after, limit],
    );
  }

  /** Replaces a stored secret if it still holds the value read. */
  async replaceSecret(secret: SealedSecret, id: string, read: string, next: string): Promise<void> {
    const { table, column, openOnly } = SEALED_SECRETS[secret];
    await this.accounts.query(
      `UPDATE ${table} SET ${column} = $3
        WHERE id = $1 AND ${column} = $2 ${openOnly ? 'AND used_at IS NULL' : ''}`,
      [id, read, next],
    );
  }
}
