import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { hashSecret, newToken } from '../../common/one-time-codes.js';
import type { FieldError } from '../../common/problem.js';
import { ServerKeys } from '../../common/server-keys.js';
import {
  isPlainTotpSecret,
  matchTotp,
  newTotpSecret,
  openTotpSecret,
  resealTotpSecret,
  sealTotpSecret,
} from '../../common/totp.js';
import { newId } from '../../infra/database/ids.js';
import { PatientsService } from '../patients/patients.service.js';
import { AccountToken, RecoveryCode, type AccountTokenPurpose } from './account-token.entity.js';
import { Account, type AccountKind, type SecondFactor, type StaffRole } from './account.entity.js';
import { AccountsRepository, type SealedSecret } from './accounts.repository.js';
import { checkPassword, type PasswordOwner } from './password-policy.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import {
  findRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
  resealRecoveryCode,
  sealRecoveryCode,
} from './recovery-codes.js';

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

/** Set-up waits this long for its first code. */
const TOTP_SETUP_MAX_AGE_MS = 10 * 60_000;
/** Rows read per round trip when sealing stored secrets again. */
const RESEAL_BATCH = 500;

/** What rotate-keys did to one kind of stored secret. */
export interface ResealCount {
  /** Sealed again under the current key (values stored plain are sealed for the first time). */
  resealed: number;
  /** Opened by no configured key: they stay as they are, and cannot be used. */
  unreadable: number;
}

/** The only writer of account, recovery_code and account_token. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly rows: AccountsRepository,
    private readonly clock: Clock,
    private readonly patients: PatientsService,
    private readonly keys: ServerKeys,
  ) {}

  findByUsername(username: string): Promise<Account | null> {
    return this.rows.findByUsername(username);
  }

  findById(id: string): Promise<Account | null> {
    return this.rows.findById(id);
  }

  /** True when the patient already has a portal account (inside the caller's transaction). */
  existsForPatient(patientId: string, manager?: EntityManager): Promise<boolean> {
    return this.rows.existsForPatient(patientId, manager);
  }

  /** Active accounts whose email on file matches (case-insensitive). */
  findByEmail(email: string): Promise<Account[]> {
    return this.rows.findActiveByEmail(email);
  }

  async create(input: NewAccount, manager?: EntityManager): Promise<Account> {
    const now = this.clock.now();
    const account = Object.assign(new Account(), {
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
      totpSecret: input.totpSecret ? sealTotpSecret(this.keys, input.totpSecret) : null,
      totpLastStep: null,
      pendingTotpSecret: null,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    });
    await this.rows.insert(account, manager);
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
    await this.rows.update(
      { id: accountId },
      { passwordHash: await hashPassword(password), passwordChangedAt: now, updatedAt: now },
    );
  }

  async update(
    accountId: string,
    changes: Partial<Pick<Account, 'displayName' | 'email' | 'roles' | 'status'>>,
  ): Promise<void> {
    await this.rows.update({ id: accountId }, { ...changes, updatedAt: this.clock.now() });
  }

  list(kind: AccountKind): Promise<Account[]> {
    return this.rows.list(kind);
  }

  /** Display names and roles of many accounts in one query (e.g. for an access log page). */
  async describe(
    ids: string[],
  ): Promise<Map<string, Pick<Account, 'id' | 'displayName' | 'roles' | 'kind'>>> {
    if (!ids.length) return new Map();
    const rows = await this.rows.describe(ids);
    return new Map(rows.map((row) => [row.id, row]));
  }

  // --- second factors ---------------------------------------------------------------------

  /**
   * Checks a TOTP code and remembers its time step, so the same code never works twice.
   * A secret still stored plain (from before secrets were sealed) is sealed on this use.
   */
  async verifyTotp(account: Account, code: string): Promise<boolean> {
    if (!account.totpSecret) return false;
    const secret = openTotpSecret(this.keys, account.totpSecret);
    if (secret === null) return false;
    if (isPlainTotpSecret(account.totpSecret)) {
      // Conditional on the plain value read: a secret replaced meanwhile is not overwritten.
      await this.rows.update(
        { id: account.id, totpSecret: account.totpSecret },
        { totpSecret: sealTotpSecret(this.keys, secret) },
      );
    }
    const last = account.totpLastStep === null ? null : Number(account.totpLastStep);
    const step = matchTotp(secret, code, this.clock.now(), last);
    if (step === null) return false;
    // Conditional update: of two concurrent requests with one code, only one wins.
    return this.rows.claimTotpStep(account.id, step);
  }

  /** A new authenticator secret, waiting for its first code; returns the secret. */
  async startTotpEnrollment(accountId: string): Promise<string> {
    const secret = newTotpSecret();
    const now = this.clock.now();
    // pending_totp_secret holds `<unix-ms>:<sealed secret>`: set-up expires with no new column.
    await this.rows.update(
      { id: accountId },
      {
        pendingTotpSecret: `${now.getTime()}:${sealTotpSecret(this.keys, secret)}`,
        updatedAt: now,
      },
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
    const pending = /^(\d+):(.+)$/.exec(account.pendingTotpSecret ?? '');
    const now = this.clock.now();
    if (!pending || now.getTime() - Number(pending[1]) > TOTP_SETUP_MAX_AGE_MS) return 'no_setup';
    const secret = openTotpSecret(this.keys, pending[2]!);
    if (secret === null) return 'no_setup';
    const step = matchTotp(secret, code, now, null);
    if (step === null) return null;
    // Conditional on the pending value read: a set-up started meanwhile is not enrolled blind.
    const enrolled = await this.rows.update(
      { id: account.id, pendingTotpSecret: account.pendingTotpSecret! },
      {
        secondFactor: 'totp',
        totpSecret: sealTotpSecret(this.keys, secret),
        totpLastStep: String(step),
        pendingTotpSecret: null,
        updatedAt: now,
      },
    );
    if (enrolled !== 1) return 'no_setup';
    return this.replaceRecoveryCodes(account.id);
  }

  async setSecondFactor(accountId: string, factor: 'none' | 'email'): Promise<void> {
    await this.rows.update(
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
    await this.rows.deleteRecoveryCodes(accountId);
  }

  /**
   * New set of single-use recovery codes; the old ones stop working. Shown once, stored as
   * salted hashes sealed with the server key (recovery-codes.ts).
   */
  async replaceRecoveryCodes(accountId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const now = this.clock.now();
    await this.rows.replaceRecoveryCodes(
      accountId,
      codes.map((code) =>
        Object.assign(new RecoveryCode(), {
          id: newId(),
          accountId,
          codeHash: sealRecoveryCode(this.keys, code),
          usedAt: null,
          createdAt: now,
        }),
      ),
    );
    return codes;
  }

  async useRecoveryCode(accountId: string, code: string): Promise<boolean> {
    const open = await this.rows.unusedRecoveryCodes(accountId);
    const match = findRecoveryCode(this.keys, normalizeRecoveryCode(code), open);
    if (!match) return false;
    // Conditional update: of two concurrent requests with one code, only one wins.
    return this.rows.spendRecoveryCode(match.id, this.clock.now());
  }

  countRecoveryCodes(accountId: string): Promise<number> {
    return this.rows.countUnusedRecoveryCodes(accountId);
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
    await this.rows.insertToken(
      Object.assign(new AccountToken(), {
        tokenHash: hashSecret(token),
        accountId,
        purpose,
        expiresAt: new Date(now.getTime() + ttlMs),
        usedAt: null,
        createdAt: now,
      }),
      manager,
    );
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
    const row = await this.rows.findLiveToken(hashSecret(token), purpose, now);
    if (!row) return null;
    const account = await this.findById(row.accountId);
    if (!account) return null;
    await beforeSpend?.(account);
    return (await this.rows.spendToken(row.tokenHash, now)) ? account : null;
  }

  // --- key rotation -----------------------------------------------------------------------

  /**
   * Seals every stored second-factor secret that is not under the current server key again
   * under it: authenticator secrets (also those stored plain before sealing), pending
   * set-ups and unused recovery codes (also those stored as unsalted hashes). Idempotent,
   * batch by batch; each update is conditional on the value read, so it races safely with
   * sign-ins and set-ups.
   */
  async resealSecrets(): Promise<
    Record<'totpSecrets' | 'pendingTotpSecrets' | 'recoveryCodes', ResealCount>
  > {
    const current = this.keys.currentKeyId;
    const totpSecrets = await this.resealColumn('totpSecrets', current, (value) =>
      resealTotpSecret(this.keys, value),
    );
    const pendingTotpSecrets = await this.resealColumn('pendingTotpSecrets', current, (value) => {
      const pending = /^(\d+):(.+)$/.exec(value);
      if (!pending) return null;
      const sealed = resealTotpSecret(this.keys, pending[2]!);
      return sealed === null || sealed === 'current' ? sealed : `${pending[1]}:${sealed}`;
    });
    const recoveryCodes = await this.resealColumn('recoveryCodes', current, (value) =>
      resealRecoveryCode(this.keys, value),
    );
    return { totpSecrets, pendingTotpSecrets, recoveryCodes };
  }

  private async resealColumn(
    secret: SealedSecret,
    currentKeyId: string,
    reseal: (value: string) => string | 'current' | null,
  ): Promise<ResealCount> {
    const count: ResealCount = { resealed: 0, unreadable: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.rows.secretsNotUnder(secret, currentKeyId, after, RESEAL_BATCH);
      if (!rows.length) return count;
      for (const row of rows) {
        const next = reseal(row.value);
        if (next === null) count.unreadable++;
        else if (next !== 'current') {
          await this.rows.replaceSecret(secret, row.id, row.value, next);
          count.resealed++;
        }
      }
      after = rows[rows.length - 1]!.id;
    }
  }
}
