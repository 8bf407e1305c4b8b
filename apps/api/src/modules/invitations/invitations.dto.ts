import { IsPageCursor, PageOf } from '../../common/pager.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { MailStatus } from '../../infra/mail/mail-delivery.entity.js';
import type { Patient } from '../patients/patient.entity.js';
import { OptionalIdField, PageLimit } from '../../common/field-rules.js';
import {
  INVITATION_STATUSES,
  invitationStatus,
  type Invitation,
  type InvitationStatus,
} from './invitation.entity.js';

const LIST_LIMIT_MAX = 100;
const LIST_LIMIT_DEFAULT = 20;
const MAIL_STATUSES: MailStatus[] = ['queued', 'sent', 'failed'];

export class ListInvitationsQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' })
  @IsOptional()
  @IsIn(INVITATION_STATUSES, {
    message: `Choose the status from: ${INVITATION_STATUSES.join(', ')}.`,
  })
  status?: InvitationStatus;

  @OptionalIdField('The patient id is not valid.', 'Only this patient’s invitations')
  patientId?: string;

  @PageLimit(LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT)
  limit: number = LIST_LIMIT_DEFAULT;

  @ApiPropertyOptional({ maxLength: 200, description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsPageCursor('none')
  cursor?: string;
}

export class InvitationSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({
    maxLength: 400,
    example: 'Alexandra Rivera',
    description: 'Legal given and family name',
  })
  patientName: string;
  @ApiProperty({ maxLength: 64, example: 'M00100001' }) patientMrn: string;
  @ApiProperty({ maxLength: 254, format: 'email', description: 'Where the current link was sent' })
  email: string;
  @ApiProperty({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' })
  status: InvitationStatus;
  @ApiProperty({
    description: 'Locked after 5 wrong dates of birth; resending unlocks it',
  })
  locked: boolean;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the latest email was handed to the mail queue',
  })
  sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ description: 'How many emails were sent for it (1 + resends)' })
  sendCount: number;
  @ApiProperty({
    enum: MAIL_STATUSES,
    enumName: 'MailDeliveryStatus',
    nullable: true,
  })
  /** Delivery state of the latest email; null if its row is gone. */
  deliveryStatus: MailStatus | null;
  @ApiProperty({ description: 'Delivery tries of the latest email so far' })
  deliveryAttempts: number;
}

export class InvitationPage extends PageOf(InvitationSummary) {}

export function toInvitationSummary(
  invitation: Invitation,
  patient: Pick<Patient, 'givenName' | 'familyName' | 'mrn'> | undefined,
  delivery: { status: MailStatus; attempts: number } | undefined,
  now: Date,
): InvitationSummary {
  return {
    id: invitation.id,
    patientId: invitation.patientId,
    patientName: patient ? `${patient.givenName} ${patient.familyName}` : '',
    patientMrn: patient?.mrn ?? '',
    email: invitation.email,
    status: invitationStatus(invitation, now),
    locked: invitation.lockedAt !== null,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    sentAt: invitation.sentAt?.toISOString() ?? null,
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
    sendCount: invitation.sendCount,
    deliveryStatus: delivery?.status ?? null,
    deliveryAttempts: delivery?.attempts ?? 0,
  };
}
