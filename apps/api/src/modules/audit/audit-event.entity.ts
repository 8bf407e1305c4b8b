import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One line of the append-only audit trail. Never holds health data or secrets. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz') occurredAt: Date;
  @Column('uuid', { nullable: true }) actorAccountId: string | null;
  @Column('text', { nullable: true }) actorKind: string | null;
  @Column('text', { array: true }) actorRoles: string[];
  @Column('uuid', { nullable: true }) patientId: string | null;
  @Column('text') action: string;
  @Column('text', { nullable: true }) resourceType: string | null;
  @Column('text', { nullable: true }) resourceId: string | null;
  @Column('text') outcome: AuditOutcome;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { nullable: true }) userAgent: string | null;
  @Column('text', { nullable: true }) requestId: string | null;
  /** Why a refusal or failure happened: not_own_patient, role, not_found, or an error code. */
  @Column('text', { nullable: true }) reason: string | null;
  /** The route pattern asked (GET /api/v1/patients/:patientId), for refusals at the door. */
  @Column('text', { nullable: true }) route: string | null;
  // seq, prev_hash and hash are set by the database (the audit_event_chain trigger), never here.
}
