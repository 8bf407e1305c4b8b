import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ConfigError, type AppConfig } from '../../config/config.js';
import type { StaffRole } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { PatientsService, type NewPatient } from '../patients/patients.service.js';
import { BillingService } from '../billing/billing.service.js';
import { StatementsService } from '../billing/statements.service.js';
import { seedDemoBilling } from './demo-billing.js';
import { seedDemoMessages } from './demo-messages.js';
import { seedDemoRecords } from './demo-records.js';
import { seedDemoRefills } from './demo-refills.js';
import { demoScheduleExists, seedDemoSchedule } from './demo-schedule.js';

export const DEMO_PASSWORD = 'portal-demo-2026';
/** Base32 TOTP secret of sam.demo, published in the README so tests can compute codes. */
export const DEMO_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

const DEMO_STAFF: { username: string; displayName: string; roles: StaffRole[] }[] = [
  { username: 'admin.demo', displayName: 'Avery Admin', roles: ['admin'] },
  { username: 'provider.demo', displayName: 'Dr. Priya Shah', roles: ['provider'] },
  { username: 'nurse.demo', displayName: 'Nico Navarro, RN', roles: ['nurse'] },
  { username: 'frontdesk.demo', displayName: 'Frankie Desk', roles: ['front-desk'] },
  { username: 'billing.demo', displayName: 'Bailey Billing', roles: ['billing'] },
];

const DEMO_PATIENTS: (NewPatient & { username: string; totp?: boolean })[] = [
  {
    username: 'alex.demo',
    givenName: 'Alexandra',
    familyName: 'Rivera',
    preferredName: 'Alex',
    dateOfBirth: '1968-04-12',
    sex: 'female',
    email: 'alex.demo@portal.localhost',
    mobilePhone: '+1 555 010 1001',
    address: {
      line1: '12 Elm Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
  },
  {
    username: 'jordan.demo',
    givenName: 'Jordan',
    familyName: 'Lee',
    dateOfBirth: '1985-09-30',
    sex: 'male',
    email: 'jordan.demo@portal.localhost',
    mobilePhone: '+1 555 010 1002',
    address: {
      line1: '480 Oak Avenue',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62704',
      country: 'US',
    },
  },
  {
    username: 'sam.demo',
    givenName: 'Samuel',
    familyName: 'Okafor',
    preferredName: 'Sam',
    dateOfBirth: '1952-01-23',
    sex: 'male',
    email: 'sam.demo@portal.localhost',
    mobilePhone: '+1 555 010 1003',
    address: {
      line1: '9 Lakeview Road',
      city: 'Chatham',
      region: 'IL',
      postalCode: '62629',
      country: 'US',
    },
    totp: true,
  },
];

/** Demo accounts for the embedded default and the explicit seed command; never in production. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('demo');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly patients: PatientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly billing: BillingService,
    private readonly statements: StatementsService,
  ) {}

  /**
   * Idempotent: creates what is missing (the demo accounts, then the demo clinic and visits, then the
   * patients' health records, messages and prescription refills),
   * each part in one transaction. Returns false when all existed.
   */
  async seed(): Promise<boolean> {
    const accountsCreated = await this.seedAccounts();
    const scheduleCreated = await this.seedSchedule();
    const recordsCreated = await this.seedRecords();
    const messagesCreated = await this.seedMessages();
    const refillsCreated = await this.seedRefills();
    const billingCreated = await this.seedBilling();
    return (
      accountsCreated ||
      scheduleCreated ||
      recordsCreated ||
      messagesCreated ||
      refillsCreated ||
      billingCreated
    );
  }

  /** Each demo account that is missing (a database may hold some of them already). */
  private async seedAccounts(): Promise<boolean> {
    const missing = async (username: string) => !(await this.accounts.findByUsername(username));
    let created = false;
    await this.db.transaction(async (manager) => {
      for (const staff of DEMO_STAFF) {
        if (!(await missing(staff.username))) continue;
        await this.accounts.create(
          {
            kind: 'staff',
            ...staff,
            email: `${staff.username}@portal.localhost`,
            password: DEMO_PASSWORD,
          },
          manager,
        );
        created = true;
      }
      for (const { username, totp, ...demographics } of DEMO_PATIENTS) {
        if (!(await missing(username))) continue;
        const patient = await this.patients.create(demographics, manager);
        await this.accounts.create(
          {
            kind: 'patient',
            username,
            displayName: demographics.preferredName ?? demographics.givenName,
            email: demographics.email!,
            password: DEMO_PASSWORD,
            patientId: patient.id,
            secondFactor: totp ? 'totp' : 'none',
            totpSecret: totp ? DEMO_TOTP_SECRET : null,
          },
          manager,
        );
        created = true;
      }
    });
    return created;
  }

  /** Locations, visit types, providers with weekly hours, and visits of the demo patients. */
  private async seedSchedule(): Promise<boolean> {
    if (await demoScheduleExists(this.db.manager)) return false;
    const people = await this.demoPeople();
    return this.db.transaction((manager) => seedDemoSchedule(manager, people, this.clock.now()));
  }

  /** Each demo patient's health record, linked to their past visits. */
  private async seedRecords(): Promise<boolean> {
    const people = await this.demoPeople();
    return this.db.transaction((manager) => seedDemoRecords(manager, people, this.clock.now()));
  }

  /** The demo clinic's care-team pools, routing and templates, and the patients' conversations. */
  private async seedMessages(): Promise<boolean> {
    const people = await this.demoPeople();
    return this.db.transaction((manager) => seedDemoMessages(manager, people, this.clock.now()));
  }

  /** The pharmacy directory, preferred pharmacies and the patients' refill requests. */
  private async seedRefills(): Promise<boolean> {
    const people = await this.demoPeople();
    return this.db.transaction((manager) => seedDemoRefills(manager, people, this.clock.now()));
  }

  /** A year of each demo patient's visits on their bill, insurance, a payment, two statements. */
  private async seedBilling(): Promise<boolean> {
    const people = await this.demoPeople();
    return seedDemoBilling(this.db, this.billing, this.statements, people, this.clock.now());
  }

  private async demoPeople() {
    const staffAccountIds = new Map<string, string>();
    for (const { username } of DEMO_STAFF) {
      const account = await this.accounts.findByUsername(username);
      if (account) staffAccountIds.set(username, account.id);
    }
    const patientIds = new Map<string, string>();
    for (const { username } of DEMO_PATIENTS) {
      const account = await this.accounts.findByUsername(username);
      if (account?.patientId) patientIds.set(username, account.patientId);
    }
    return { staffAccountIds, patientIds };
  }

  /** The demo accounts in this database that still have the published password. */
  async accountsWithPublishedPassword(): Promise<string[]> {
    const found: string[] = [];
    for (const username of [...DEMO_STAFF, ...DEMO_PATIENTS].map((d) => d.username)) {
      const account = await this.accounts.findByUsername(username);
      if (account && (await this.accounts.checkPassword(account, DEMO_PASSWORD))) {
        found.push(username);
      }
    }
    return found;
  }

  /**
   * A portal that listens beyond this machine does not start while demo accounts keep the
   * published password (seeded by an earlier loopback start or by the seed command): anyone
   * who reaches it could sign in as the demo admin. DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true
   * lets a throw-away demo through.
   */
  async refuseIfExposed(): Promise<void> {
    if (this.config.loopbackOnly || this.config.demoOnNetworkAllowed) return;
    const exposed = await this.accountsWithPublishedPassword();
    if (exposed.length === 0) return;
    throw new ConfigError(
      'HOST',
      `HOST=${this.config.host} listens beyond this machine, and demo accounts in this ` +
        `database still have the published password (${exposed.join(', ')}). Listen on ` +
        '127.0.0.1, give those accounts new passwords or disable them, or (a throw-away demo ' +
        'only) set DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true',
    );
  }

  printAccounts(): void {
    this.logger.log(
      {
        signIn: `${this.config.publicUrl}/ (patients), ${this.config.publicUrl}/admin/ (staff)`,
        password: DEMO_PASSWORD,
        patients: DEMO_PATIENTS.map((p) => p.username),
        staff: DEMO_STAFF.map((s) => `${s.username} (${s.roles.join(', ')})`),
        totpSecretOfSamDemo: DEMO_TOTP_SECRET,
      },
      'demo accounts',
    );
  }
}
