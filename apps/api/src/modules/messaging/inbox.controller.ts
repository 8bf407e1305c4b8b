import type { Readable } from 'node:stream';
import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { MessageAttachmentsService } from './message-attachments.service.js';
import { MessagingAdminService } from './messaging-admin.service.js';
import { MessagingStreams } from './messaging-streams.js';
import {
  AssignConversationsRequest,
  BulkChangeResult,
  ConversationIdsRequest,
  FilledReplyTemplateList,
  InboxConversationPage,
  InboxCounts,
  InboxCountsQuery,
  InboxQuery,
  MessagePage,
  MessageView,
  MoveConversationRequest,
  PageQuery,
  StaffConversationView,
  StaffMessageRequest,
  StaffStartConversationRequest,
} from './messaging.dto.js';
import { MessagingService } from './messaging.service.js';
import {
  AttachmentResponse,
  EVENT_STREAM_DESCRIPTION,
  EventStreamResponse,
  eventStream,
  REPLAY_HEADER,
  sendAttachment,
} from './patient-messages.controller.js';

const WHO_READS =
  'Staff read the pools of their role (providers and nurses clinical pools, front desk the ' +
  'appointment pools, billing the billing pools; a pool with a location only those who work ' +
  'there), what is assigned to them, and providers the clinical conversations of their own ' +
  'patients; administrators every pool.';

@ApiTags('messages')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1')
export class InboxController {
  constructor(
    private readonly messaging: MessagingService,
    private readonly admin: MessagingAdminService,
    private readonly attachments: MessageAttachmentsService,
    private readonly streams: MessagingStreams,
  ) {}

  @Get('inbox/conversations')
  @Operation({
    id: 'listInboxConversations',
    summary: 'The care-team inbox: one view of the conversations this staff member reads',
    description:
      `Newest activity first, with the answer-time clock (awaitingSince, replyDueAt, overdue) ` +
      `and an unread flag for this reader. ${WHO_READS}`,
    permit: 'messages:read',
    returns: InboxConversationPage,
    problems: { 400: 'A parameter is not valid' },
  })
  inbox(
    @Query() query: InboxQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<InboxConversationPage> {
    return this.messaging.inbox(query, caller);
  }

  @Get('inbox/counts')
  @Operation({
    id: 'getInboxCounts',
    summary: 'How many conversations each inbox view holds, and how many are unread',
    description: `Unread: a patient message this staff member has not opened. ${WHO_READS}`,
    permit: 'messages:read',
    returns: InboxCounts,
    problems: { 400: 'A parameter is not valid' },
  })
  counts(@Query() query: InboxCountsQuery, @CurrentCaller() caller: Caller): Promise<InboxCounts> {
    return this.messaging.counts(query.poolId, caller);
  }

  @Get('inbox/events')
  @EventStreamResponse()
  @Operation({
    id: 'streamInboxEvents',
    summary: 'Live events of the pools this staff member reads (server-sent events)',
    description: `${EVENT_STREAM_DESCRIPTION} Internal notes are told too.`,
    permit: 'messages:read',
  })
  async events(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    return eventStream(reply, await this.streams.forStaff(caller.principal));
  }

  @Get('conversations/:conversationId')
  @Operation({
    id: 'getConversation',
    summary: 'One conversation with its newest messages and internal notes',
    description: `Newest first (50; more with listConversationMessages). Opening it marks it read for this staff member. ${WHO_READS}`,
    permit: 'messages:read',
    uuidParams: ['conversationId'],
    returns: StaffConversationView,
    problems: { 404: 'No such conversation, or not one this staff member reads' },
  })
  get(
    @Param('conversationId') conversationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffConversationView> {
    return this.messaging.getForStaff(conversationId, caller);
  }

  @Get('conversations/:conversationId/messages')
  @Operation({
    id: 'listConversationMessages',
    summary: 'Earlier messages and notes of a conversation, newest first',
    permit: 'messages:read',
    uuidParams: ['conversationId'],
    returns: MessagePage,
    problems: {
      400: 'A parameter is not valid',
      404: 'No such conversation, or not one this staff member reads',
    },
  })
  messages(
    @Param('conversationId') conversationId: string,
    @Query() query: PageQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<MessagePage> {
    return this.messaging.staffMessages(conversationId, query, caller);
  }

  @Post('conversations/:conversationId/messages')
  @Operation({
    id: 'postConversationMessage',
    summary: 'Reply to the patient, or add an internal note',
    description:
      'kind reply: the patient reads it; it answers what was waiting (the clock stops) and ' +
      'reopens a closed conversation; if the patient has not read it a few minutes later they ' +
      'get an email saying only that a message is waiting. kind note: staff only, never shown ' +
      'to the patient. Idempotent by clientMessageId (a retry: Idempotent-Replayed: true).',
    permit: 'messages:reply',
    uuidParams: ['conversationId'],
    status: 201,
    returns: MessageView,
    problems: {
      400: 'A field is not valid',
      404: 'No such conversation, or not one this staff member reads',
      409: 'The clientMessageId was used in another conversation (client_message_id_reused)',
    },
  })
  async post(
    @Param('conversationId') conversationId: string,
    @Body() body: StaffMessageRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageView> {
    const result = await this.messaging.postByStaff(conversationId, body, caller);
    if (!result.created) void reply.header(REPLAY_HEADER, 'true');
    return result.message;
  }

  @Get('conversations/:conversationId/reply-templates')
  @Operation({
    id: 'listFilledReplyTemplates',
    summary: 'The active reply templates, filled in for this conversation',
    description:
      'Placeholders filled: the patient’s first name, the caller’s name, the clinic and the pool.',
    permit: 'messages:reply',
    uuidParams: ['conversationId'],
    returns: FilledReplyTemplateList,
    problems: { 404: 'No such conversation, or not one this staff member reads' },
  })
  templates(
    @Param('conversationId') conversationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<FilledReplyTemplateList> {
    return this.admin.filledTemplates(conversationId, caller);
  }

  @Get('conversations/:conversationId/attachments/:attachmentId')
  @AttachmentResponse()
  @Operation({
    id: 'downloadConversationAttachment',
    summary: 'Download a file of a conversation',
    description:
      'Content-Disposition: attachment, the type read from its bytes, X-Content-Type-Options: nosniff.',
    permit: 'messages:read',
    uuidParams: ['conversationId', 'attachmentId'],
    problems: { 404: 'No such file, or not in a conversation this staff member reads' },
  })
  async download(
    @Param('conversationId') conversationId: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendAttachment(
      reply,
      await this.attachments.downloadForStaff(conversationId, attachmentId, caller),
    );
  }

  @Post('conversations/:conversationId/move')
  @Operation({
    id: 'moveConversation',
    summary: 'Pass a conversation to another care-team pool',
    description: 'It becomes unassigned there; it may leave the caller’s own inbox.',
    permit: 'messages:reply',
    uuidParams: ['conversationId'],
    status: 200,
    returns: BulkChangeResult,
    problems: {
      400: 'A field is not valid',
      404: 'No such conversation or pool (care_pool_not_found)',
    },
  })
  move(
    @Param('conversationId') conversationId: string,
    @Body() body: MoveConversationRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkChangeResult> {
    return this.messaging.move(conversationId, body.poolId, caller);
  }

  @Post('conversations/assign')
  @Operation({
    id: 'assignConversations',
    summary: 'Assign conversations to a staff member, or unassign them (one or many)',
    permit: 'messages:reply',
    status: 200,
    returns: BulkChangeResult,
    problems: { 400: 'A field is not valid, or the assignee is not an active staff member' },
  })
  assign(
    @Body() body: AssignConversationsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkChangeResult> {
    return this.messaging.assign(body, caller);
  }

  @Post('conversations/close')
  @Operation({
    id: 'closeConversations',
    summary: 'Close conversations (one or many)',
    description: 'The patient replying later reopens one.',
    permit: 'messages:reply',
    status: 200,
    returns: BulkChangeResult,
    problems: { 400: 'A field is not valid' },
  })
  close(
    @Body() body: ConversationIdsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkChangeResult> {
    return this.messaging.close(body.conversationIds, caller);
  }

  @Post('conversations/reopen')
  @Operation({
    id: 'reopenConversations',
    summary: 'Reopen closed conversations (one or many)',
    permit: 'messages:reply',
    status: 200,
    returns: BulkChangeResult,
    problems: { 400: 'A field is not valid' },
  })
  reopen(
    @Body() body: ConversationIdsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkChangeResult> {
    return this.messaging.reopen(body.conversationIds, caller);
  }

  @Post('patients/:patientId/care-team-conversations')
  @Operation({
    id: 'startConversationWithPatient',
    summary: 'Start a conversation with a patient (staff)',
    description:
      'The first message is a reply the patient reads; the conversation is assigned to its ' +
      'author, in the given pool or the one the category routes to. Idempotent by clientMessageId.',
    permit: 'messages:reply',
    patientScoped: true,
    status: 201,
    returns: StaffConversationView,
    problems: {
      400: 'A field is not valid',
      404: 'No such patient, or no such pool (care_pool_not_found)',
      409: 'The clientMessageId was used for another patient (client_message_id_reused)',
      422: 'No pool given and the category is not routed (messaging_not_set_up)',
    },
  })
  async start(
    @CurrentPatient() scope: PatientScope,
    @Body() body: StaffStartConversationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffConversationView> {
    const result = await this.messaging.startByStaff(scope.patientId, body, scope.caller);
    if (!result.created) void reply.header(REPLAY_HEADER, 'true');
    return result.conversation;
  }
}
