import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fileTypeFromBuffer } from 'file-type';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { SINGLE_LINE } from '../../common/field-rules.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { AttachmentStorage } from './attachment-storage.js';
import type { UploadedAttachmentView } from './messaging.dto.js';
import {
  ALLOWED_ATTACHMENT_TYPES,
  AttachmentTooLargeError,
  MessageAttachmentNotFoundError,
  UnsupportedAttachmentTypeError,
} from './messaging.errors.js';
import { MessagingRepository, type AttachmentRow } from './messaging.repository.js';
import { MAX_ATTACHMENT_BYTES, requireId } from './messaging.rules.js';
import { MessagingService } from './messaging.service.js';
import { UnsentUploadSweeps } from './sweep-uploads.job.js';

/** The name a file was sent with (X-File-Name, percent-encoded UTF-8), checked. */
export function uploadedFileName(header: string | undefined): string {
  let name: string | null;
  try {
    name = header === undefined ? null : decodeURIComponent(header).trim();
  } catch {
    name = null; // not percent-encoding
  }
  // Only the last path segment: a name is a label, never a path.
  const base = name?.split(/[\\/]/).pop()?.trim() ?? '';
  if (!base || [...base].length > 200 || !SINGLE_LINE.test(base)) {
    throw validationProblem([
      {
        field: 'X-File-Name',
        message: 'Send the file’s name (1 to 200 characters, percent-encoded) in X-File-Name.',
      },
    ]);
  }
  return base;
}

/** A name safe inside Content-Disposition: ASCII fallback and the UTF-8 original. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 200) || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Message attachments: uploaded one file per request before the message that sends them.
 * The type is read from the bytes (file-type), never from the name or the request's type.
 * The bytes are stored first and the row committed after; a failed commit removes the bytes,
 * so a failed upload leaves nothing behind; an upload never sent is swept after a day.
 */
@Injectable()
export class MessageAttachmentsService {
  private readonly logger = new Logger('message-attachments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: MessagingRepository,
    private readonly messaging: MessagingService,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sweeps: UnsentUploadSweeps,
  ) {}

  async upload(
    patientId: string,
    fileName: string,
    bytes: unknown,
    by: Accessor,
  ): Promise<UploadedAttachmentView> {
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw validationProblem([{ field: 'body', message: 'Send the file’s bytes as the body.' }]);
    }
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLargeError();
    const sniffed = await fileTypeFromBuffer(bytes);
    const type = sniffed?.mime === 'image/heif' ? 'image/heic' : sniffed?.mime;
    if (!type || !ALLOWED_ATTACHMENT_TYPES.includes(type))
      throw new UnsupportedAttachmentTypeError();
    const id = newId();
    const storageKey = `${patientId}/${id}`;
    const now = this.clock.now();
    await this.storage.put(storageKey, bytes);
    try {
      await this.db.transaction(async (manager) => {
        await this.repository.insertAttachment(manager, {
          id,
          patientId,
          uploadedBy: by.principal.accountId,
          fileName,
          contentType: type,
          sizeBytes: bytes.length,
          storageKey,
          now,
        });
        await this.audit.record(
          {
            action: 'message.attachment.upload',
            outcome: 'success',
            actor: by.principal,
            patientId,
            resourceType: 'message_attachment',
            resourceId: id,
            context: by.context,
          },
          manager,
        );
      });
    } catch (error) {
      await this.storage
        .remove(storageKey)
        .catch((removeError: unknown) =>
          this.logger.error(
            { err: removeError, id },
            'could not remove the bytes of a failed upload',
          ),
        );
      throw error;
    }
    await this.sweeps.schedule(id, now);
    return {
      id,
      fileName,
      contentType: type,
      sizeBytes: bytes.length,
      uploadedAt: now.toISOString(),
    };
  }

  /** A file of the patient's own conversation (never one of an internal note). */
  async downloadForPatient(
    patientId: string,
    conversationId: string,
    attachmentId: string,
    by: Accessor,
  ): Promise<{ row: AttachmentRow; stream: Readable }> {
    const notFound = () => new MessageAttachmentNotFoundError();
    const row = await this.repository.attachment(
      requireId(conversationId, notFound),
      requireId(attachmentId, notFound),
      false,
      patientId,
    );
    if (!row) throw new MessageAttachmentNotFoundError();
    return this.open(row, by);
  }

  async downloadForStaff(
    conversationId: string,
    attachmentId: string,
    by: Accessor,
  ): Promise<{ row: AttachmentRow; stream: Readable }> {
    await this.messaging.staffRow(conversationId, by);
    const row = await this.repository.attachment(
      conversationId,
      requireId(attachmentId, () => new MessageAttachmentNotFoundError()),
      true,
    );
    if (!row) throw new MessageAttachmentNotFoundError();
    return this.open(row, by);
  }

  private async open(row: AttachmentRow, by: Accessor) {
    await this.audit.record({
      action: 'message.attachment.download',
      outcome: 'success',
      actor: by.principal,
      patientId: row.patient_id,
      resourceType: 'message_attachment',
      resourceId: row.id,
      context: by.context,
    });
    return { row, stream: this.storage.open(row.storage_key) };
  }
}
