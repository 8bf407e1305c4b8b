import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { hashSecret, newToken, secretMatches } from '../../common/one-time-codes.js';
import type { FieldError } from '../../common/problem.js';
import { matchTotp, newTotpSecret } from '../../common/totp.js';
import { newId } from '../../infra/database/ids.js';
import { PatientsService } from '../patients/patients.service.js';
import { AccountToken, RecoveryCode, type AccountTokenPurpose } from './account-token.entity.js';
import { Account, type AccountKind, type SecondFactor, type StaffRole } from './account.entity.js';
import { checkPassword, type PasswordOwner } from './password-policy.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';

export interface NewAccount {
  kind: AccountKind;
  username: string;
  displayName: string;
  email: string;
  password: string;
  roles?: StaffRole[];
  patientId?: string | null;
  secondFactor?: SecondFactor;
  totpSecret?: string | null;
}

export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes read well on paper: 10 characters in two groups, e.g. "k7dq2-m9x4p". */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The only writer of account, recovery_code and account_token. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(RecoveryCode) private readonly recoveryCodes: Repository<RecoveryCode>,
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    private readonly clock: Clock,
    private readonly patients: PatientsService,
  ) {}

  findByUsername(username: string): Promise<Account | null> {
    return this.accounts
      .createQueryBuilder('a')
      .where('lower(a.username) = lower(:username)', { username })
      .getOne();
  }

  findById(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }

  /** True when the patient already has a portal account (inside the caller's transaction). */
  existsForPatient(patientId: string, manager?: EntityManager): Promise<boolean> {
    return (manager ? manager.getRepository(Account) : this.accounts).existsBy({ patientId });
  }

  /** Active accounts whose email on file matches (case-insensitive). */
  findByEmail(email: string): Promise<Account[]> {
    return this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .andWhere(`a.status = 'active'`)
      .limit(10)
      .getMany();
  }

  async create(input: NewAccount, manager?: EntityManager): Promise<Account> {
    const repository = manager ? manager.getRepository(Account) : this.accounts;
    const now = this.clock.now();
    const account = repository.create({
      id: newId(),
      kind: input.kind,
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      roles: input.roles ?? [],
      patientId: input.patientId ?? null,
      passwordHash: await hashPassword(input.password),
      status: 'active',
      secondFactor: input.secondFactor ?? 'none',
      totpSecret: input.totpSecret ?? null,
      totpLastStep: null,
      pendingTotpSecret: null,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    });
    await repository.insert(account);
    return account;
  }

  /**
   * True when the password is right and the account active. An unknown username costs the
   * same time as a wrong password, so timing reveals nothing.
   */
  async checkPassword(account: Account | null, password: string): Promise<boolean> {
    if (!account) {
      await burnPasswordCheck(password);
      return false;
    }
    return (await verifyPassword(account.passwordHash, password)) && account.status === 'active';
  }

  /**
   * What is wrong with a new password (empty when it is acceptable): length, the breached
   * corpus, and the owner's username, email and names.
   */
  passwordProblems(password: string, owner: PasswordOwner, field = 'password'): FieldError[] {
    return checkPassword(password, owner, field);
  }

  /** The same for an existing account: its username, email, display name and patient names. */
  async passwordProblemsFor(
    account: Account,
    password: string,
    field = 'password',
  ): Promise<FieldError[]> {
    const patient = account.patientId ? await this.patients.findById(account.patientId) : null;
    return checkPassword(
      password,
      {
        username: account.username,
        email: account.email,
        names: [
          account.displayName,
          patient?.givenName,
          patient?.familyName,
          patient?.preferredName,
        ],
      },
      field,
    );
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    const now = this.clock.now();
    await this.accounts.update(
      { id: accountId },
      { passwordHash: await hashPassword(password), passwordChangedAt: now, updatedAt: now },
    );
  }

  async update(
    accountId: string,
    changes: Partial<Pick<Account, 'displayName' | 'email' | 'roles' | 'status'>>,
  ): Promise<void> {
    await this.accounts.update({ id: accountId }, { ...changes, updatedAt: this.clock.now() });
  }

  list(kind: AccountKind): Promise<Account[]> {
    return this.accounts.find({ where: { kind }, order: { username: 'ASC' }, take: 500 });
  }

  /** Display names and roles of many accounts in one query (e.g. for an access log page). */
  async describe(
    ids: string[],
  ): Promise<Map<string, Pick<Account, 'id' | 'displayName' | 'roles' | 'kind'>>> {
    if (!ids.length) return new Map();
    const rows = await this.accounts
      .createQueryBuilder('a')
      .select(['a.id', 'a.displayName', 'a.roles', 'a.kind'])
      .where('a.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  // --- second factors ---------------------------------------------------------------------

  /** Checks a TOTP code and remembers its time step, so the same code never works twice. */
  async verifyTotp(account: Account, code: string): Promise<boolean> {
    if (!account.totpSecret) return false;
    const last = account.totpLastStep === null ? null : Number(account.totpLastStep);
    const step = matchTotp(account.totpSecret, code, this.clock.now(), last);
    if (step === null) return false;
    // Conditional update: of two concurrent requests with one code, only one wins.
    const result = await this.accounts
      .createQueryBuilder()
      .update(Account)
      .set({ totpLastStep: String(step) })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', {
        id: account.id,
        step,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** A new authenticator secret, waiting for its first code; returns the secret. */
  async startTotpEnrollment(accountId: string): Promise<string> {
    const secret = newTotpSecret();
    const now = this.clock.now();
    // pending_totp_secret holds `<unix-ms>:<secret>`: set-up expires with no new column.
    await this.accounts.update(
      { id: accountId },
      { pendingTotpSecret: `${now.getTime()}:${secret}`, updatedAt: now },
    );
    return secret;
  }

  /**
   * Turns the pending secret into the account's factor when the code matches; returns recovery
   * codes. `null`: the code did not match. `'no_setup'`: nothing pending, or it was started
   * more than 10 minutes ago (or replaced by a newer set-up meanwhile): start again.
   */
  async confirmTotpEnrollment(
    account: Account,
    code: string,
  ): Promise<string[] | null | 'no_setup'> {
    const maxAgeMs = 10 * 60_000;
    const pending = /^(\d+):([A-Z2-7]+)$/.exec(account.pendingTotpSecret ?? '');
    const now = this.clock.now();
    if (!pending || now.getTime() - Number(pending[1]) > maxAgeMs) return 'no_setup';
    const secret = pending[2]!;
    const step = matchTotp(secret, code, now, null);
    if (step === null) return null;
    // Conditional on the pending value read: a set-up started meanwhile is not enrolled blind.
    const result = await this.accounts.update(
      { id: account.id, pendingTotpSecret: account.pendingTotpSecret! },
      {
        secondFactor: 'totp',
        totpSecret: secret,
        totpLastStep: String(step),
        pendingTotpSecret: null,
        updatedAt: now,
      },
    );
    if ((result.affected ?? 0) !== 1) return 'no_setup';
    return this.replaceRecoveryCodes(account.id);
  }

  async setSecondFactor(accountId: string, factor: 'none' | 'email'): Promise<void> {
    await this.accounts.update(
      { id: accountId },
      {
        secondFactor: factor,
        totpSecret: null,
        totpLastStep: null,
        pendingTotpSecret: null,
        updatedAt: this.clock.now(),
      },
    );
    // Recovery codes belong to the authenticator app: leaving it makes them worthless.
    await this.recoveryCodes.delete({ accountId });
  }

  /** New set of single-use recovery codes; the old ones stop working. Shown once, stored hashed. */
  async replaceRecoveryCodes(accountId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const now = this.clock.now();
    await this.recoveryCodes.manager.transaction(async (manager) => {
      await manager.delete(RecoveryCode, { accountId });
      await manager.insert(
        RecoveryCode,
        codes.map((code) => ({
          id: newId(),
          accountId,
          codeHash: hashSecret(code),
          usedAt: null,
          createdAt: now,
        })),
      );
    });
    return codes;
  }

  async useRecoveryCode(accountId: string, code: string): Promise<boolean> {
    const normalized = code.trim().toLowerCase();
    const open = await this.recoveryCodes.find({ where: { accountId, usedAt: IsNull() } });
    const match = open.find((row) => secretMatches(normalized, row.codeHash));
    if (!match) return false;
    const result = await this.recoveryCodes.update(
      { id: match.id, usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
    return (result.affected ?? 0) === 1;
  }

  countRecoveryCodes(accountId: string): Promise<number> {
    return this.recoveryCodes.count({ where: { accountId, usedAt: IsNull() } });
  }

  // --- emailed single-use links ---------------------------------------------------------

  async issueToken(
    accountId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
    manager?: EntityManager,
  ): Promise<string> {
    const token = newToken();
    const now = this.clock.now();
    await (manager ? manager.getRepository(AccountToken) : this.tokens).insert({
      tokenHash: hashSecret(token),
      accountId,
      purpose,
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
      createdAt: now,
    });
    return token;
  }

  /**
   * Spends a token: the account when it is valid, unused and unexpired; null otherwise.
   * beforeSpend may throw to refuse the request without using the token up.
   */
  async redeemToken(
    token: string,
    purpose: AccountTokenPurpose,
    beforeSpend?: (account: Account) => void | Promise<void>,
  ): Promise<Account | null> {
    const now = this.clock.now();
    const row = await this.tokens.findOneBy({
      tokenHash: hashSecret(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
    if (!row) return null;
    const account = await this.findById(row.accountId);
    if (!account) return null;
    await beforeSpend?.(account);
    const result = await this.tokens.update(
      { tokenHash: row.tokenHash, usedAt: IsNull() },
      { usedAt: now },
    );
    return (result.affected ?? 0) === 1 ? account : null;
  }
}
