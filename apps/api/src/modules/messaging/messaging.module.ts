import { Module } from '@nestjs/common';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachment-storage.js';
import { InboxController } from './inbox.controller.js';
import { MessageAttachmentsService } from './message-attachments.service.js';
import { MessagingEvents } from './message-events.js';
import { MessagingAdminController } from './messaging-admin.controller.js';
import { MessagingAdminService } from './messaging-admin.service.js';
import { MessagingStreams } from './messaging-streams.js';
import { MessagingRepository } from './messaging.repository.js';
import { MessagingService } from './messaging.service.js';
import { NotifyUnreadMessageJob } from './notify-unread.job.js';
import { PatientMessagesController } from './patient-messages.controller.js';
import { SweepUnsentUploadJob, UnsentUploadSweeps } from './sweep-uploads.job.js';

/**
 * Secure messaging between patients and their care team: conversations and messages,
 * attachments (through the AttachmentStorage port), live events across processes, the staff
 * inbox, pools, routing and templates, the unread-reply email and the sweep of unsent uploads.
 */
@Module({
  controllers: [PatientMessagesController, InboxController, MessagingAdminController],
  providers: [
    MessagingRepository,
    MessagingService,
    MessagingAdminService,
    MessageAttachmentsService,
    MessagingEvents,
    MessagingStreams,
    NotifyUnreadMessageJob,
    UnsentUploadSweeps,
    SweepUnsentUploadJob,
    { provide: AttachmentStorage, useClass: LocalDiskAttachmentStorage },
  ],
  exports: [MessagingService, MessagingRepository, MessagingAdminService],
})
export class MessagingModule {}
