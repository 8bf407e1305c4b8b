import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, decodeCursorOf, pageOf } from '../../common/pager.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService, type AuditAction } from '../audit/audit.service.js';
import {
  type AgingAccountView,
  type AgingBuckets,
  type AgingReport,
  type BillingSummary,
  type ChargePage,
  type DepositReport,
  type LedgerEntryView,
  type LedgerPage,
  type LedgerQuery,
  type Money,
  type PageQuery,
  type PaymentPage,
  type PostAdjustmentRequest,
  type PostChargeRequest,
  type PostInsurancePaymentRequest,
  type PostReversalRequest,
  type PostWriteOffRequest,
} from './billing.dto.js';
import {
  EntryAlreadyReversedError,
  LedgerEntryNotFoundError,
  ReversalNotReversibleError,
  WriteOffExceedsBalanceError,
} from './billing.errors.js';
import { BillingRepository, type EntryRow, type NewEntry } from './billing.repository.js';
import {
  BILLING_CURRENCY,
  formatMoney,
  KIND_WORDS,
  linesOf,
  minorUnits,
  reversalLines,
  type EntryKind,
} from './billing.rules.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';

export function money(amount: string | number, currency = BILLING_CURRENCY): Money {
  return { amountMinor: minorUnits(amount), currency };
}

/** An entry in words, as the ledger and statements write it. */
export function describeEntry(
  row: Pick<EntryRow, 'kind' | 'description' | 'payer' | 'reverses_kind' | 'reason'>,
): string {
  switch (row.kind) {
    case 'charge':
      return row.description ?? 'Charge';
    case 'insurance-payment':
      return `Payment from ${row.payer ?? 'insurance'}`;
    case 'insurance-adjustment':
      return row.payer ? `Adjustment under the contract with ${row.payer}` : 'Insurance adjustment';
    case 'reversal':
      return `Correction of an earlier ${KIND_WORDS[row.reverses_kind ?? 'charge'].toLowerCase()}`;
    default:
      return KIND_WORDS[row.kind];
  }
}

export interface Posting {
  kind: Exclude<EntryKind, 'reversal'>;
  amount: number;
  effectiveDate: string;
  appointmentId?: string | null;
  procedureCode?: string;
  description?: string;
  units?: number;
  chargeId?: string | null;
  payer?: string | null;
  reference?: string | null;
  reason?: string | null;
  remittanceId?: string | null;
}

const POST_ACTIONS: Record<Posting['kind'], AuditAction> = {
  charge: 'billing.charge.post',
  'insurance-payment': 'billing.insurance-payment.post',
  'insurance-adjustment': 'billing.adjustment.post',
  'patient-payment': 'billing.patient-payment.post',
  refund: 'billing.refund.post',
  'write-off': 'billing.write-off.post',
};

/**
 * The billing ledger: postings to a patient's account (each a balanced journal entry the
 * database keeps as it was written), corrections as reversing entries, and what is owed,
 * derived from the journal on every read. The only writer of the billing tables.
 */
@Injectable()
export class BillingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: BillingRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** The patient's account, opened on first posting; 404 when there is no such patient. */
  async accountFor(
    manager: EntityManager,
    patientId: string,
  ): Promise<{ id: string; currency: string }> {
    const ref = await this.repository.accountOf(manager, patientId);
    if (!ref) throw new PatientNotFoundError();
    if (ref.account_id) return { id: ref.account_id, currency: ref.currency! };
    return this.repository.openAccount(
      manager,
      newId(),
      patientId,
      BILLING_CURRENCY,
      this.clock.now(),
    );
  }

  private async checkCharge(
    manager: EntityManager,
    accountId: string,
    chargeId: string | null | undefined,
  ): Promise<void> {
    if (!chargeId) return;
    const found = await this.repository.liveCharges(manager, accountId, [chargeId]);
    if (!found.length) {
      throw validationProblem([
        {
          field: 'chargeId',
          message: 'This is not a charge on the patient’s account, or it was reversed.',
        },
      ]);
    }
  }

  /**
   * Posts entries to one patient's account in the caller's transaction (or a new one) and
   * audits each. Every entry gets its two balanced lines here; the database checks again.
   */
  async post(
    patientId: string,
    postings: Posting[],
    by: Accessor | null,
    manager?: EntityManager,
  ): Promise<string[]> {
    const run = async (tx: EntityManager) => {
      const account = await this.accountFor(tx, patientId);
      await this.repository.lockAccount(tx, account.id);
      const now = this.clock.now();
      const entries: NewEntry[] = postings.map((posting) => ({
        id: newId(),
        accountId: account.id,
        currency: account.currency,
        postedAt: now,
        postedBy: by?.principal.accountId ?? null,
        ...posting,
        lines: linesOf(posting.kind, posting.amount),
      }));
      await this.repository.insertEntries(tx, entries);
      await this.audit.recordMany(
        entries.map((entry, index) => ({
          action: POST_ACTIONS[postings[index]!.kind],
          outcome: 'success',
          actor: by?.principal ?? null,
          patientId,
          resourceType: 'ledger-entry',
          resourceId: entry.id,
          context: by?.context,
        })),
        tx,
      );
      return entries.map((entry) => entry.id);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  private async postOne(
    patientId: string,
    by: Accessor,
    build: (tx: EntityManager, accountId: string) => Promise<Posting>,
  ): Promise<LedgerEntryView> {
    const id = await this.db.transaction(async (tx) => {
      const account = await this.accountFor(tx, patientId);
      await this.repository.lockAccount(tx, account.id);
      const posting = await build(tx, account.id);
      const [entryId] = await this.post(patientId, [posting], by, tx);
      return entryId!;
    });
    return this.entryView(patientId, id);
  }

  postCharge(patientId: string, body: PostChargeRequest, by: Accessor): Promise<LedgerEntryView> {
    return this.postOne(patientId, by, async (tx) => {
      if (body.appointmentId) {
        const rows = (await tx.query(
          `SELECT 1 FROM appointment WHERE id = $1 AND patient_id = $2`,
          [body.appointmentId, patientId],
        )) as unknown[];
        if (!rows.length) {
          throw validationProblem([
            { field: 'appointmentId', message: 'This is not one of the patient’s appointments.' },
          ]);
        }
      }
      return {
        kind: 'charge',
        amount: body.amountMinor,
        effectiveDate: body.serviceDate,
        appointmentId: body.appointmentId ?? null,
        procedureCode: body.procedureCode,
        description: body.description,
        units: body.units,
      };
    });
  }

  postInsurancePayment(
    patientId: string,
    body: PostInsurancePaymentRequest,
    by: Accessor,
  ): Promise<LedgerEntryView> {
    return this.postOne(patientId, by, async (tx, accountId) => {
      await this.checkCharge(tx, accountId, body.chargeId);
      return {
        kind: 'insurance-payment',
        amount: body.amountMinor,
        effectiveDate: body.receivedOn,
        chargeId: body.chargeId ?? null,
        payer: body.payer,
        reference: body.reference ?? null,
      };
    });
  }

  postAdjustment(
    patientId: string,
    body: PostAdjustmentRequest,
    by: Accessor,
  ): Promise<LedgerEntryView> {
    return this.postOne(patientId, by, async (tx, accountId) => {
      await this.checkCharge(tx, accountId, body.chargeId);
      return {
        kind: 'insurance-adjustment',
        amount: body.amountMinor,
        effectiveDate: this.today(),
        chargeId: body.chargeId ?? null,
        payer: body.payer ?? null,
        reason: body.reason ?? null,
      };
    });
  }

  postWriteOff(
    patientId: string,
    body: PostWriteOffRequest,
    by: Accessor,
  ): Promise<LedgerEntryView> {
    return this.postOne(patientId, by, async (tx, accountId) => {
      await this.checkCharge(tx, accountId, body.chargeId);
      const balance = await this.repository.balance(tx, accountId);
      if (body.amountMinor > balance) {
        throw new WriteOffExceedsBalanceError(formatMoney(Math.max(balance, 0)));
      }
      return {
        kind: 'write-off',
        amount: body.amountMinor,
        effectiveDate: this.today(),
        chargeId: body.chargeId ?? null,
        reason: body.reason,
      };
    });
  }

  /** Cancels an entry with one that mirrors its lines; the original stays as it was. */
  async postReversal(
    patientId: string,
    entryId: string,
    body: PostReversalRequest,
    by: Accessor,
  ): Promise<LedgerEntryView> {
    const id = await this.db.transaction(async (tx) => {
      const account = await this.accountFor(tx, patientId);
      await this.repository.lockAccount(tx, account.id);
      const original = await this.repository.entryOf(tx, account.id, entryId);
      if (!original) throw new LedgerEntryNotFoundError();
      if (original.kind === 'reversal') throw new ReversalNotReversibleError();
      if (original.reversed) throw new EntryAlreadyReversedError();
      const entry: NewEntry = {
        id: newId(),
        accountId: account.id,
        kind: 'reversal',
        amount: minorUnits(original.amount),
        currency: original.currency,
        effectiveDate: this.today(),
        postedAt: this.clock.now(),
        postedBy: by.principal.accountId,
        reversesId: original.id,
        reason: body.reason,
        lines: reversalLines(original.lines),
      };
      await this.repository.insertEntries(tx, [entry]);
      await this.audit.recordSuccess(
        by,
        'billing.reversal.post',
        { patientId, resourceType: 'ledger-entry', resourceId: entry.id },
        tx,
      );
      return entry.id;
    });
    return this.entryView(patientId, id);
  }

  private async entryView(patientId: string, entryId: string): Promise<LedgerEntryView> {
    const account = await this.repository.accountOf(this.db, patientId);
    const row = await this.repository.entryOf(this.db, account!.account_id!, entryId);
    const balance = await this.repository.balance(this.db, account!.account_id!);
    return ledgerView({ ...row!, running_balance: String(balance) });
  }

  // ---- Reads ----

  async ledger(patientId: string, query: LedgerQuery, by: Accessor): Promise<LedgerPage> {
    const ref = await this.repository.accountOf(this.db, patientId);
    if (!ref) throw new PatientNotFoundError();
    const before = query.cursor ? decodeCursor(query.cursor, 'none')[1] : null;
    const rows = ref.account_id
      ? await this.repository.ledgerPage(this.db, ref.account_id, query.limit, before)
      : [];
    const balance = ref.account_id ? await this.repository.balance(this.db, ref.account_id) : 0;
    await this.audit.recordSuccess(by, 'billing.ledger.read', {
      patientId,
      resourceType: 'billing-account',
      resourceId: ref.account_id ?? undefined,
    });
    const page = pageOf(rows, query.limit, (row) => [null, row.id]);
    return {
      items: page.items.map(ledgerView),
      nextCursor: page.nextCursor,
      balance: money(balance),
    };
  }

  async aging(asOf: string | undefined, by: Accessor): Promise<AgingReport> {
    const day = asOf ?? this.today();
    const rows = await this.repository.aging(this.db, day, null);
    await this.audit.recordPatientsShown(
      by,
      'billing.aging.read',
      rows.length ? rows.map((r) => r.patient_id) : [null],
    );
    const accounts: AgingAccountView[] = rows.map((row) => ({
      patientId: row.patient_id,
      mrn: row.mrn,
      patientName: `${row.family_name}, ${row.given_name}`,
      ...agingBuckets(row),
    }));
    const totals: AgingBuckets = {
      current: 0,
      days30: 0,
      days60: 0,
      days90: 0,
      days120: 0,
      balance: 0,
    };
    for (const account of accounts) {
      for (const key of Object.keys(totals) as (keyof AgingBuckets)[]) totals[key] += account[key];
    }
    return { asOf: day, currency: BILLING_CURRENCY, totals, accounts };
  }

  /** One account's aging (the patient's summary and tests use it). */
  async agingOf(accountId: string, asOf: string): Promise<AgingBuckets> {
    const [row] = await this.repository.aging(this.db, asOf, accountId);
    return row
      ? agingBuckets(row)
      : { current: 0, days30: 0, days60: 0, days90: 0, days120: 0, balance: 0 };
  }

  async deposits(date: string | undefined, by: Accessor): Promise<DepositReport> {
    const day = date ?? this.today();
    const rows = await this.repository.deposits(this.db, day);
    await this.audit.recordPatientsShown(
      by,
      'billing.deposits.read',
      rows.length ? [...new Set(rows.map((r) => r.patient_id))] : [null],
    );
    const sums = { insurance: 0, patient: 0, refunds: 0 };
    const lines = rows.map((row) => {
      const amount = minorUnits(row.amount) * (row.kind === 'refund' ? -1 : 1);
      if (!row.reversed) {
        if (row.kind === 'insurance-payment') sums.insurance += amount;
        else if (row.kind === 'patient-payment') sums.patient += amount;
        else sums.refunds += amount;
      }
      return {
        entryId: row.id,
        kind: row.kind,
        payer: row.payer,
        reference: row.reference,
        patientId: row.patient_id,
        mrn: row.mrn,
        patientName: `${row.family_name}, ${row.given_name}`,
        amount: money(amount, row.currency),
        reversed: row.reversed,
      };
    });
    return {
      date: day,
      lines,
      insurancePayments: money(sums.insurance),
      patientPayments: money(sums.patient),
      refunds: money(sums.refunds),
      total: money(sums.insurance + sums.patient + sums.refunds),
    };
  }

  // ---- The patient's view ----

  async summary(patientId: string, by: Accessor): Promise<BillingSummary> {
    const ref = await this.repository.accountOf(this.db, patientId);
    if (!ref) throw new PatientNotFoundError();
    const balance = ref.account_id ? await this.repository.balance(this.db, ref.account_id) : 0;
    const latest = ref.account_id
      ? await this.repository.latestStatement(this.db, ref.account_id)
      : null;
    await this.audit.recordSuccess(by, 'billing.summary.read', {
      patientId,
      resourceType: 'billing-account',
      resourceId: ref.account_id ?? undefined,
    });
    const due = Math.max(balance, 0);
    const dueBy = due > 0 && latest ? latest.due_date : null;
    const text =
      balance < 0
        ? `You have a credit of ${formatMoney(-balance)}.`
        : due === 0
          ? 'You owe nothing right now.'
          : dueBy
            ? `You owe ${formatMoney(due)}. Please pay by ${dueBy}.`
            : `You owe ${formatMoney(due)}.`;
    return {
      balance: money(balance),
      amountDue: money(due),
      dueBy,
      text,
      latestStatementCode: latest?.code ?? null,
    };
  }

  async charges(patientId: string, query: PageQuery, by: Accessor): Promise<ChargePage> {
    const ref = await this.repository.accountOf(this.db, patientId);
    if (!ref) throw new PatientNotFoundError();
    const after = query.cursor
      ? (decodeCursorOf(query.cursor, ['date']) as [string, string])
      : null;
    const rows = ref.account_id
      ? await this.repository.chargePage(this.db, ref.account_id, query.limit, after)
      : [];
    await this.audit.recordSuccess(by, 'billing.charges.read', {
      patientId,
      resourceType: 'billing-account',
      resourceId: ref.account_id ?? undefined,
    });
    const page = pageOf(rows, query.limit, (row) => [row.service_date, row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const charged = minorUnits(row.amount);
        const paid = minorUnits(row.insurance_paid);
        const adjusted = minorUnits(row.insurance_adjusted);
        const youPaid = minorUnits(row.patient_paid);
        const forgiven = minorUnits(row.written_off);
        const owe = Math.max(charged - paid - adjusted - youPaid - forgiven, 0);
        const parts = [`${row.description} on ${row.service_date}: ${formatMoney(charged)}.`];
        if (paid) parts.push(`Insurance paid ${formatMoney(paid)}.`);
        if (adjusted) parts.push(`Insurance took off ${formatMoney(adjusted)}.`);
        if (youPaid) parts.push(`You paid ${formatMoney(youPaid)}.`);
        if (forgiven) parts.push(`We forgave ${formatMoney(forgiven)}.`);
        parts.push(owe ? `You owe ${formatMoney(owe)}.` : 'You owe nothing for this.');
        return {
          id: row.id,
          serviceDate: row.service_date,
          description: row.description,
          procedureCode: row.procedure_code,
          units: row.units,
          visit: row.appointment_id
            ? {
                appointmentId: row.appointment_id,
                visitType: row.visit_type,
                provider: row.provider,
                location: row.location,
              }
            : null,
          charged: money(charged),
          insurancePaid: money(paid),
          insuranceAdjusted: money(adjusted),
          youPaid: money(youPaid),
          forgiven: money(forgiven),
          youOwe: money(owe),
          text: parts.join(' '),
        };
      }),
    };
  }

  async payments(patientId: string, query: PageQuery, by: Accessor): Promise<PaymentPage> {
    const ref = await this.repository.accountOf(this.db, patientId);
    if (!ref) throw new PatientNotFoundError();
    const after = query.cursor
      ? (decodeCursorOf(query.cursor, ['date']) as [string, string])
      : null;
    const rows = ref.account_id
      ? await this.repository.paymentPage(this.db, ref.account_id, query.limit, after)
      : [];
    await this.audit.recordSuccess(by, 'billing.payments.read', {
      patientId,
      resourceType: 'billing-account',
      resourceId: ref.account_id ?? undefined,
    });
    const page = pageOf(rows, query.limit, (row) => [row.effective_date, row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        kind: row.kind,
        date: row.effective_date,
        amount: money(minorUnits(row.amount) * (row.kind === 'refund' ? -1 : 1), row.currency),
        description: row.reversed
          ? `${KIND_WORDS[row.kind]} (cancelled by a correction)`
          : KIND_WORDS[row.kind],
        reversed: row.reversed,
      })),
    };
  }
}

function agingBuckets(row: {
  balance: string;
  current: string;
  days30: string;
  days60: string;
  days90: string;
  days120: string;
}): AgingBuckets {
  return {
    current: minorUnits(row.current),
    days30: minorUnits(row.days30),
    days60: minorUnits(row.days60),
    days90: minorUnits(row.days90),
    days120: minorUnits(row.days120),
    balance: minorUnits(row.balance),
  };
}

function ledgerView(row: EntryRow & { running_balance: string }): LedgerEntryView {
  return {
    id: row.id,
    kind: row.kind,
    date: row.effective_date,
    postedAt: row.posted_at.toISOString(),
    description: describeEntry(row),
    change: money(row.receivable, row.currency),
    runningBalance: money(row.running_balance, row.currency),
    procedureCode: row.procedure_code,
    units: row.units,
    appointmentId: row.appointment_id,
    chargeId: row.charge_id,
    reversesId: row.reverses_id,
    reversed: row.reversed,
    payer: row.payer,
    reference: row.reference,
    reason: row.reason,
  };
}
