import type { Readable } from 'node:stream';
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsBinaryBody } from '../../common/content-type.js';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import {
  contentDisposition,
  MessageAttachmentsService,
  uploadedFileName,
} from './message-attachments.service.js';
import { MessagingAdminService } from './messaging-admin.service.js';
import { MessagingStreams } from './messaging-streams.js';
import {
  MessageCategoryList,
  MessagePage,
  MessageView,
  PageQuery,
  PatientConversationPage,
  PatientConversationView,
  PatientMessageCounts,
  SendMessageRequest,
  StartConversationRequest,
  UploadedAttachmentView,
} from './messaging.dto.js';
import { ALLOWED_ATTACHMENT_TYPES } from './messaging.errors.js';
import { MAX_ATTACHMENT_BYTES } from './messaging.rules.js';
import { MessagingService } from './messaging.service.js';

/** Room for the largest file and the request's own framing. */
const UPLOAD_BODY_LIMIT = MAX_ATTACHMENT_BYTES + 64 * 1024;

export const REPLAY_HEADER = 'idempotent-replayed';

/** The file download headers of every attachment route: never shown inline, never sniffed. */
export function sendAttachment(
  reply: FastifyReply,
  file: { row: { content_type: string; file_name: string; size_bytes: number }; stream: Readable },
): StreamableFile {
  void reply.header('x-content-type-options', 'nosniff');
  return new StreamableFile(file.stream, {
    type: file.row.content_type,
    disposition: contentDisposition(file.row.file_name),
    length: file.row.size_bytes,
  });
}

export const EVENT_STREAM_DESCRIPTION =
  'text/event-stream. Events: `ready` (listening), `message` {conversationId, messageId} (a new message: refetch), ' +
  '`conversation` {conversationId} (assigned, moved, closed or reopened: refetch), `session-ended` (sign in again). ' +
  'Ids only, never content. The stream does not keep the session alive.';

/** The success answer of a file download: one of the attachment types, as bytes. */
export function AttachmentResponse() {
  return applyDecorators(
    ApiProduces(...ALLOWED_ATTACHMENT_TYPES),
    ApiResponse({
      status: 200,
      description: 'The file',
      content: Object.fromEntries(
        ALLOWED_ATTACHMENT_TYPES.map((type) => [
          type,
          { schema: { type: 'string', format: 'binary' } },
        ]),
      ),
    }),
  );
}

/** The success answer of a live event stream. */
export function EventStreamResponse() {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiResponse({
      status: 200,
      description: 'An endless text/event-stream',
      content: { 'text/event-stream': { schema: { type: 'string', maxLength: 100_000_000 } } },
    }),
  );
}

export function eventStream(reply: FastifyReply, stream: Readable): Readable {
  void reply
    .type('text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no');
  return stream;
}

@ApiTags('messages')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/patients/:patientId')
export class PatientMessagesController {
  constructor(
    private readonly messaging: MessagingService,
    private readonly admin: MessagingAdminService,
    private readonly attachments: MessageAttachmentsService,
    private readonly streams: MessagingStreams,
  ) {}

  @Get('message-categories')
  @Operation({
    id: 'listMessageCategories',
    summary: 'What a patient can write about, who reads it and how soon they answer',
    description:
      'Each category with the care team that reads it and the promised answer time ' +
      '(“Usually answers within 2 business days”), shown before sending. A category the ' +
      'clinic has not set up is listed with available: false. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    returns: MessageCategoryList,
  })
  categories(@CurrentPatient() _scope: PatientScope): Promise<MessageCategoryList> {
    return this.admin.categories();
  }

  @Get('conversations')
  @Operation({
    id: 'listPatientConversations',
    summary: 'The patient’s conversations with the care team, newest activity first',
    description: 'unread: a care-team reply not opened yet. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    returns: PatientConversationPage,
    problems: { 400: 'A parameter is not valid (limit, cursor)' },
  })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: PageQuery,
  ): Promise<PatientConversationPage> {
    return this.messaging.listForPatient(scope.patientId, query, scope.caller);
  }

  @Get('message-counts')
  @Operation({
    id: 'getPatientMessageCounts',
    summary: 'How many conversations have a care-team reply the patient has not opened',
    description: 'For the home page. Counts only, never content. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    returns: PatientMessageCounts,
  })
  counts(@CurrentPatient() scope: PatientScope): Promise<PatientMessageCounts> {
    return this.messaging.unreadForPatient(scope.patientId, scope.caller);
  }

  @Post('conversations')
  @Operation({
    id: 'startPatientConversation',
    summary: 'Send a new message to the care team',
    description:
      'Starts a conversation routed by its category. Attach files uploaded first with ' +
      'uploadMessageAttachment. Idempotent: send a fresh clientMessageId per message and the ' +
      'same one on a retry; a retry answers the conversation already stored (header ' +
      'Idempotent-Replayed: true) and posts nothing. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    status: 201,
    returns: PatientConversationView,
    problems: {
      400: 'A field is not valid; about is not one of the patient’s own records; an attachment is not theirs or already sent',
      409: 'The clientMessageId was used for another patient (client_message_id_reused)',
      422: 'The clinic has not set up who answers this category (messaging_not_set_up)',
    },
  })
  async start(
    @CurrentPatient() scope: PatientScope,
    @Body() body: StartConversationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatientConversationView> {
    const result = await this.messaging.startByPatient(scope.patientId, body, scope.caller);
    if (!result.created) void reply.header(REPLAY_HEADER, 'true');
    return result.conversation;
  }

  @Get('conversations/:conversationId')
  @Operation({
    id: 'getPatientConversation',
    summary: 'One conversation with its newest messages',
    description:
      'Messages newest first (50; more with listPatientConversationMessages); internal notes ' +
      'of the care team are never included. Opening it marks it read. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    uuidParams: ['conversationId'],
    returns: PatientConversationView,
    problems: { 404: 'No such conversation of this patient' },
  })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('conversationId') conversationId: string,
  ): Promise<PatientConversationView> {
    return this.messaging.getForPatient(scope.patientId, conversationId, scope.caller);
  }

  @Get('conversations/:conversationId/messages')
  @Operation({
    id: 'listPatientConversationMessages',
    summary: 'Earlier messages of a conversation, newest first',
    description: 'Pass the nextCursor of the conversation’s messages. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    uuidParams: ['conversationId'],
    returns: MessagePage,
    problems: { 400: 'A parameter is not valid', 404: 'No such conversation of this patient' },
  })
  messages(
    @CurrentPatient() scope: PatientScope,
    @Param('conversationId') conversationId: string,
    @Query() query: PageQuery,
  ): Promise<MessagePage> {
    return this.messaging.patientMessages(scope.patientId, conversationId, query, scope.caller);
  }

  @Post('conversations/:conversationId/messages')
  @Operation({
    id: 'replyToPatientConversation',
    summary: 'Reply in a conversation (reopens a closed one)',
    description:
      'Idempotent by clientMessageId, like startPatientConversation: a retry answers the ' +
      'message already stored (Idempotent-Replayed: true). Starts the answer-time clock when ' +
      'nothing was waiting. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    uuidParams: ['conversationId'],
    status: 201,
    returns: MessageView,
    problems: {
      400: 'A field is not valid; an attachment is not theirs or already sent',
      404: 'No such conversation of this patient',
      409: 'The clientMessageId was used in another conversation (client_message_id_reused)',
    },
  })
  async reply(
    @CurrentPatient() scope: PatientScope,
    @Param('conversationId') conversationId: string,
    @Body() body: SendMessageRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageView> {
    const result = await this.messaging.replyByPatient(
      scope.patientId,
      conversationId,
      body,
      scope.caller,
    );
    if (!result.created) void reply.header(REPLAY_HEADER, 'true');
    return result.message;
  }

  @Post('conversations/:conversationId/close')
  @Operation({
    id: 'closePatientConversation',
    summary: 'Close a conversation',
    description: 'Nothing more is expected; replying later reopens it. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    uuidParams: ['conversationId'],
    status: 204,
    problems: { 404: 'No such conversation of this patient' },
  })
  async close(
    @CurrentPatient() scope: PatientScope,
    @Param('conversationId') conversationId: string,
  ): Promise<void> {
    await this.messaging.closeByPatient(scope.patientId, conversationId, scope.caller);
  }

  @Post('message-attachments')
  @AcceptsBinaryBody(UPLOAD_BODY_LIMIT)
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    description: 'The file’s bytes, as they are (not multipart, not base64)',
    schema: { type: 'string', format: 'binary', maxLength: MAX_ATTACHMENT_BYTES },
  })
  @ApiHeader({
    name: 'X-File-Name',
    required: true,
    description:
      'The file’s name, percent-encoded UTF-8 (encodeURIComponent), up to 200 characters',
    schema: { type: 'string', maxLength: 600 },
  })
  @Operation({
    id: 'uploadMessageAttachment',
    summary: 'Upload a file to attach to a message',
    description:
      `One file per request, sent as application/octet-stream: ${ALLOWED_ATTACHMENT_TYPES.join(', ')}, ` +
      `up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. The type is read from the bytes. Then name ` +
      'the returned id in attachmentIds of a message (at most 5 per message). Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    status: 201,
    returns: UploadedAttachmentView,
    problems: {
      400: 'No bytes, or no valid X-File-Name',
      413: 'The file is over 10 MB',
      415: 'The bytes are not a PDF, JPEG, PNG or HEIC file (unsupported_attachment_type), or the body is not application/octet-stream',
    },
  })
  upload(
    @CurrentPatient() scope: PatientScope,
    @Headers('x-file-name') fileName: string | undefined,
    @Body() body: Buffer,
  ): Promise<UploadedAttachmentView> {
    return this.attachments.upload(scope.patientId, uploadedFileName(fileName), body, scope.caller);
  }

  @Get('conversations/:conversationId/attachments/:attachmentId')
  @AttachmentResponse()
  @Operation({
    id: 'downloadPatientMessageAttachment',
    summary: 'Download a file of a conversation',
    description:
      'Sent as a download (Content-Disposition: attachment) with the type read from its bytes ' +
      'and X-Content-Type-Options: nosniff. Patients only.',
    permit: 'messages:send',
    patientScoped: true,
    uuidParams: ['conversationId', 'attachmentId'],
    problems: { 404: 'No such file in a conversation of this patient' },
  })
  async download(
    @CurrentPatient() scope: PatientScope,
    @Param('conversationId') conversationId: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.downloadForPatient(
      scope.patientId,
      conversationId,
      attachmentId,
      scope.caller,
    );
    return sendAttachment(reply, file);
  }

  @Get('message-events')
  @EventStreamResponse()
  @Operation({
    id: 'streamPatientMessageEvents',
    summary: 'Live events of the patient’s conversations (server-sent events)',
    description: `${EVENT_STREAM_DESCRIPTION} Open with EventSource (cookies are sent). Patients only.`,
    permit: 'messages:send',
    patientScoped: true,
  })
  async events(
    @CurrentPatient() scope: PatientScope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    return eventStream(reply, await this.streams.forPatient(scope.principal, scope.patientId));
  }
}
