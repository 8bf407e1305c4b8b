import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { newId } from '../../infra/database/ids.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { StartUpReconciler } from '../../infra/queue/start-up-reconciler.js';
import { AuditService } from '../audit/audit.service.js';
import { EPrescribingPort } from './eprescribing.js';
import { RefillsRepository } from './refills.repository.js';

const RECONCILE_BATCH = 500;

/** One job per approved request, ever: a second add while it exists is ignored. */
export function sendPrescriptionJobId(requestId: string): string {
  return `refill-send-${requestId}`;
}

/**
 * Queues the sending of approved prescriptions. The job carries the request id only (no drug,
 * no patient); the request shows "waiting" until the port has taken it. Worker processes
 * queue again at start every request still waiting, which heals a crash between the
 * approval's commit and its job.
 */
@Injectable()
export class PrescriptionSender extends StartUpReconciler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: RefillsRepository,
    queue: QueueService,
  ) {
    super(queue, { logger: 'refills', queued: 'prescriptions waiting to send' });
  }

  /** Queues one approval's sending. Never throws: the next start queues it again. */
  async schedule(requestId: string): Promise<void> {
    try {
      await this.queue.enqueue(
        'refill.send-prescription',
        { refillRequestId: requestId },
        { jobId: sendPrescriptionJobId(requestId) },
      );
    } catch (error) {
      this.logger.error(
        { err: error, refillRequestId: requestId },
        'prescription not queued; it will be queued at the next start',
      );
    }
  }

  async reconcile(batchSize = RECONCILE_BATCH): Promise<number> {
    let after: string | null = null;
    let queued = 0;
    while (!this.stopping) {
      const ids = await this.repository.waitingToSend(this.db, batchSize, after);
      await this.queue.enqueueMany(
        'refill.send-prescription',
        ids.map((id) => ({
          payload: { refillRequestId: id },
          options: { jobId: sendPrescriptionJobId(id) },
        })),
      );
      queued += ids.length;
      if (ids.length < batchSize) break;
      after = ids[ids.length - 1]!;
    }
    return queued;
  }
}

/**
 * Sends an approved request's prescription through the e-prescribing port, once: the row is
 * locked while sending, a request already sent (a repeated delivery of the job) is left
 * alone, and the port dedupes by the request id should a commit fail after its send. A send
 * that fails throws, and the queue retries it with its backoff.
 */
@HandlesJob('refill.send-prescription')
export class SendPrescriptionJob implements JobHandler<'refill.send-prescription'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: RefillsRepository,
    private readonly port: EPrescribingPort,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async handle({ refillRequestId }: JobPayloads['refill.send-prescription']): Promise<void> {
    await this.db.transaction(async (manager) => {
      const row = await this.repository.lockForSending(manager, refillRequestId);
      if (!row || row.status !== 'approved' || row.send_status !== 'waiting') return;
      const facts = (await this.repository.prescriptionFacts(manager, refillRequestId))!;
      const now = this.clock.now();
      const { messageId } = await this.port.send({
        requestId: row.id,
        kind: row.kind,
        sentAt: now,
        patient: {
          id: row.patient_id,
          mrn: facts.mrn,
          givenName: facts.given_name,
          familyName: facts.family_name,
          dateOfBirth: facts.date_of_birth,
        },
        pharmacy: { ncpdpId: row.pharmacy.ncpdp_id, name: row.pharmacy.name },
        prescriber: row.prescriber,
        medication: {
          rxnormCode: row.rxnorm_code,
          display: row.medication_name,
          dose: facts.dose,
          frequency: facts.frequency,
        },
        quantity: row.approved_quantity ?? 1,
        refills: row.approved_refills ?? 0,
        note: null,
      });
      await this.repository.markSent(manager, row.id, messageId, now);
      await this.repository.insertHistory(manager, [
        {
          id: newId(),
          requestId: row.id,
          at: now,
          by: null,
          event: 'sent',
          from: 'approved',
          to: 'approved',
          reason: `Sent to ${row.pharmacy.name} (NCPDP ${row.pharmacy.ncpdp_id}), message ${messageId}`,
        },
      ]);
      await this.audit.record(
        {
          action: 'refill.send',
          outcome: 'success',
          actor: null,
          patientId: row.patient_id,
          resourceType: 'refill_request',
          resourceId: row.id,
        },
        manager,
      );
    });
  }
}
