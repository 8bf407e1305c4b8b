import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { newId } from '../../infra/database/ids.js';
import { Account, type AccountKind, type SecondFactor, type StaffRole } from './account.entity.js';
import type { FieldError } from '../../common/problem.js';
import { checkPassword } from './password-policy.js';
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

/** The only writer of the account table. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly clock: Clock,
  ) {}

  findByUsername(username: string): Promise<Account | null> {
    return this.accounts
      .createQueryBuilder('a')
      .where('lower(a.username) = lower(:username)', { username })
      .getOne();
  }

  /**
   * True when the password is right and the account active. An
   * unknown username costs the same time as a wrong password, so timing reveals nothing.
   */
  async checkPassword(account: Account | null, password: string): Promise<boolean> {
    if (!account) {
      await burnPasswordCheck(password);
      return false;
    }
    return (await verifyPassword(account.passwordHash, password)) && account.status === 'active';
  }

  /** What is wrong with a new password (empty when it is acceptable). */
  passwordProblems(password: string, username: string, field = 'password'): FieldError[] {
    return checkPassword(password, username, field);
  }

  findById(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
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
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    });
    await repository.insert(account);
    return account;
  }
}
