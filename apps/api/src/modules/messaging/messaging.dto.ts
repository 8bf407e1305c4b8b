import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageLimit, Rule, TextField, TextRule } from '../../common/field-rules.js';
import { IsPageCursor, PageOf } from '../../common/pager.js';
import {
  ABOUT_TYPES,
  INBOX_VIEWS,
  MAX_ATTACHMENTS,
  MAX_BODY_CHARACTERS,
  MESSAGE_CATEGORIES,
  MESSAGE_KINDS,
  POOL_DEPARTMENTS,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
  type AboutType,
  type InboxView,
  type MessageCategory,
  type MessageKind,
  type PoolDepartment,
} from './messaging.rules.js';

// A message may span lines, but carries no other control characters.
const MULTI_LINE = /^(?:[^\p{Cc}\u2028\u2029]|[\t\n\r])*$/u;

function BodyField(description: string) {
  return applyDecorators(
    ApiProperty({ type: String, minLength: 1, maxLength: MAX_BODY_CHARACTERS, description }),
    TextRule({
      missing: 'Write your message.',
      max: MAX_BODY_CHARACTERS,
      tooLong: `Keep the message to ${MAX_BODY_CHARACTERS.toLocaleString('en-US')} characters or fewer.`,
      pattern: MULTI_LINE,
      badPattern: 'The message contains characters that cannot be sent.',
    }),
    Rule('notBlank', (value) =>
      typeof value === 'string' && value.trim() === '' ? 'Write your message.' : null,
    ),
  );
}

function ClientMessageIdField() {
  return applyDecorators(
    ApiProperty({
      format: 'uuid',
      description:
        'A UUID the client makes once per message and sends again on every retry: a retried send answers the message already stored instead of posting it twice.',
    }),
    IsUUID('all', { message: 'Send a UUID as clientMessageId.' }),
  );
}

function CategoryField(required: boolean) {
  const options = {
    enum: MESSAGE_CATEGORIES,
    enumName: 'MessageCategory',
    description: 'What the message is about; decides which care team reads it',
  };
  return applyDecorators(
    required ? ApiProperty(options) : ApiPropertyOptional(options),
    ...(required ? [] : [IsOptional()]),
    IsIn(MESSAGE_CATEGORIES, { message: `Choose one of: ${MESSAGE_CATEGORIES.join(', ')}.` }),
  );
}

function AttachmentIdsField() {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'uuid',
      isArray: true,
      maxItems: MAX_ATTACHMENTS,
      description: `Files uploaded first with uploadMessageAttachment (at most ${MAX_ATTACHMENTS}), not yet sent with another message`,
    }),
    IsOptional(),
    IsArray({ message: 'Send attachmentIds as a list.' }),
    ArrayMaxSize(MAX_ATTACHMENTS, { message: `Attach at most ${MAX_ATTACHMENTS} files.` }),
    IsUUID('all', { each: true, message: 'Each attachment id must be a UUID.' }),
  );
}

function IdList(description: string) {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'uuid',
      isArray: true,
      minItems: 1,
      maxItems: 100,
      description,
    }),
    IsArray({ message: 'Send conversationIds as a list.' }),
    ArrayMinSize(1, { message: 'Name at least one conversation.' }),
    ArrayMaxSize(100, { message: 'Name at most 100 conversations at once.' }),
    IsUUID('all', { each: true, message: 'Each conversation id must be a UUID.' }),
  );
}

export class MessageAbout {
  @ApiProperty({ enum: ABOUT_TYPES, enumName: 'MessageAboutType' })
  @IsIn(ABOUT_TYPES, { message: `Choose one of: ${ABOUT_TYPES.join(', ')}.` })
  type: AboutType;

  @ApiProperty({ format: 'uuid', description: 'The appointment, result report or medication' })
  @IsUUID('all', { message: 'Send the id of one of your appointments, results or medications.' })
  id: string;
}

export class StartConversationRequest {
  @ClientMessageIdField() clientMessageId: string;
  @CategoryField(true) category: MessageCategory;

  @ApiPropertyOptional({
    type: MessageAbout,
    nullable: true,
    description: 'One of the patient’s own appointments, results or medications',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MessageAbout)
  about?: MessageAbout | null;

  @TextField('required', 'a subject', 200) subject: string;
  @BodyField('Plain text; shown as written, never as HTML') body: string;
  @AttachmentIdsField() attachmentIds?: string[];
}

export class SendMessageRequest {
  @ClientMessageIdField() clientMessageId: string;
  @BodyField('Plain text; shown as written, never as HTML') body: string;
  @AttachmentIdsField() attachmentIds?: string[];
}

export class StaffMessageRequest {
  @ClientMessageIdField() clientMessageId: string;

  @ApiProperty({
    enum: ['reply', 'note'],
    description: 'reply: the patient reads it; note: an internal note the patient never sees',
  })
  @IsIn(['reply', 'note'], { message: 'Choose reply or note.' })
  kind: 'reply' | 'note';

  @BodyField('Plain text') body: string;
}

export class StaffStartConversationRequest {
  @ClientMessageIdField() clientMessageId: string;
  @CategoryField(true) category: MessageCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The pool that will read the answers; by default the one the category routes to',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Send a pool id.' })
  poolId?: string;

  @TextField('required', 'a subject', 200) subject: string;
  @BodyField('Plain text') body: string;
}

export class AssignConversationsRequest {
  @IdList('The conversations to assign (one, or up to 100 at once)') conversationIds: string[];

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The staff member to assign them to; null to unassign',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID('all', { message: 'Send a staff account id, or null to unassign.' })
  assigneeAccountId: string | null;
}

export class ConversationIdsRequest {
  @IdList('The conversations (one, or up to 100 at once)') conversationIds: string[];
}

export class MoveConversationRequest {
  @ApiProperty({ format: 'uuid', description: 'The pool to pass the conversation to' })
  @IsUUID('all', { message: 'Send a pool id.' })
  poolId: string;
}

export class PageQuery {
  @PageLimit(100, 20) limit: number = 20;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('instant')
  cursor?: string;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: INBOX_VIEWS,
    enumName: 'InboxView',
    default: 'open',
    description:
      'unassigned: open and nobody’s; mine: open and assigned to me; open: every open one; waiting: open and answered, waiting on the patient; closed',
  })
  @IsOptional()
  @IsIn(INBOX_VIEWS, { message: `Choose one of: ${INBOX_VIEWS.join(', ')}.` })
  view: InboxView = 'open';

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this pool' })
  @IsOptional()
  @IsUUID('all', { message: 'Send a pool id.' })
  poolId?: string;

  @CategoryField(false) category?: MessageCategory;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'true: only those whose promised answer time has passed',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Send true or false.' })
  overdue?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 8760,
    description: 'Only those whose patient has waited for an answer at least this many hours',
  })
  @IsOptional()
  @Type(() => Number)
  @Rule('hours', (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 8760
      ? null
      : 'Send a whole number of hours from 1 to 8760.',
  )
  waitingAtLeastHours?: number;
}

export class InboxCountsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this pool' })
  @IsOptional()
  @IsUUID('all', { message: 'Send a pool id.' })
  poolId?: string;
}

export class CreateCarePoolRequest {
  @TextField('required', 'a name', 100, { example: 'Main Street nurses' }) name: string;

  @ApiProperty({
    enum: POOL_DEPARTMENTS,
    enumName: 'PoolDepartment',
    description:
      'Which roles read it: clinical (providers, nurses), appointments (front desk), billing',
  })
  @IsIn(POOL_DEPARTMENTS, { message: `Choose one of: ${POOL_DEPARTMENTS.join(', ')}.` })
  department: PoolDepartment;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Read only by staff working at this location; none for the whole clinic',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Send a location id.' })
  locationId?: string | null;
}

export class UpdateCarePoolRequest {
  @TextField('optional', 'a name', 100) name?: string;

  @ApiPropertyOptional({ enum: POOL_DEPARTMENTS, enumName: 'PoolDepartment' })
  @IsOptional()
  @IsIn(POOL_DEPARTMENTS, { message: `Choose one of: ${POOL_DEPARTMENTS.join(', ')}.` })
  department?: PoolDepartment;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'Send a location id, or null.' })
  locationId?: string | null;

  @ApiPropertyOptional({ type: 'boolean', description: 'false: no new routing to it' })
  @IsOptional()
  @IsBoolean({ message: 'Send true or false.' })
  active?: boolean;
}

export class SetMessageRoutingRequest {
  @ApiProperty({ format: 'uuid', description: 'The pool that reads this category' })
  @IsUUID('all', { message: 'Send a pool id.' })
  poolId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 10,
    description: 'The answer time promised to patients, in business days',
  })
  @Rule('days', (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10
      ? null
      : 'Send a whole number of business days from 1 to 10.',
  )
  answerWithinBusinessDays: number;
}

const TEMPLATE_BODY_DESCRIPTION =
  'Plain text with placeholders: {{patientFirstName}}, {{staffName}}, {{clinicName}}, {{poolName}}; any other {{name}} is refused';

/** A template may use only the placeholders the portal fills; a typo would reach a patient. */
function KnownPlaceholders() {
  return Rule('knownPlaceholders', (value) => {
    if (typeof value !== 'string') return null;
    const unknown = unknownPlaceholders(value);
    return unknown.length === 0
      ? null
      : `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}. Use ${Object.keys(
          TEMPLATE_PLACEHOLDERS,
        )
          .map((name) => `{{${name}}}`)
          .join(', ')}.`;
  });
}

export class CreateReplyTemplateRequest {
  @TextField('required', 'a name', 100) name: string;
  @BodyField(TEMPLATE_BODY_DESCRIPTION) @KnownPlaceholders() body: string;
}

export class UpdateReplyTemplateRequest {
  @TextField('optional', 'a name', 100) name?: string;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: MAX_BODY_CHARACTERS,
    description: TEMPLATE_BODY_DESCRIPTION,
  })
  @ValidateIf((_object, value) => value !== undefined)
  @TextRule({
    missing: 'Write the template.',
    max: MAX_BODY_CHARACTERS,
    pattern: MULTI_LINE,
    badPattern: 'The template contains characters that cannot be sent.',
  })
  @KnownPlaceholders()
  body?: string;

  @ApiPropertyOptional({ type: 'boolean', description: 'false: no longer offered' })
  @IsOptional()
  @IsBoolean({ message: 'Send true or false.' })
  active?: boolean;
}

// ---- Views ----

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) fileName: string;
  @ApiProperty({
    enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
    description: 'Read from the file’s bytes',
  })
  contentType: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_485_760 }) sizeBytes: number;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The id the sender’s client gave it' })
  clientMessageId: string;
  @ApiProperty({
    enum: MESSAGE_KINDS,
    enumName: 'MessageKind',
    description: 'patient, staff (a reply), or note (internal; only staff see notes)',
  })
  kind: MessageKind;
  @ApiProperty({ maxLength: 200, description: 'The sender’s name as shown' }) authorName: string;
  @ApiProperty({
    maxLength: MAX_BODY_CHARACTERS,
    description: 'Plain text: show as text, never as HTML',
  })
  body: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: AttachmentView, isArray: true, maxItems: MAX_ATTACHMENTS })
  attachments: AttachmentView[];
}

export class MessagePage extends PageOf(MessageView, { description: 'Newest first' }) {}

export class MessageAboutView {
  @ApiProperty({ enum: ABOUT_TYPES, enumName: 'MessageAboutType' }) type: AboutType;
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class PatientConversationItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MESSAGE_CATEGORIES, enumName: 'MessageCategory' }) category: MessageCategory;
  @ApiProperty({ maxLength: 200 }) subject: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: MessageAboutView, nullable: true }) about: MessageAboutView | null;
  @ApiProperty({ maxLength: 100, description: 'The care team that reads it' }) careTeam: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'The newest message' }) lastMessageAt: string;
  @ApiProperty({ description: 'A care-team reply the patient has not opened yet' }) unread: boolean;
}

export class PatientConversationPage extends PageOf(PatientConversationItem, {
  description: 'Newest activity first',
}) {}

export class PatientMessageCounts {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
    description: 'Conversations with a care-team reply the patient has not opened yet',
  })
  unreadConversations: number;
}

export class PatientConversationView extends PatientConversationItem {
  @ApiProperty({
    type: MessagePage,
    description:
      'The first page of messages, newest first; more with listPatientConversationMessages',
  })
  messages: MessagePage;
}

export class MessageCategoryView {
  @ApiProperty({ enum: MESSAGE_CATEGORIES, enumName: 'MessageCategory' }) category: MessageCategory;
  @ApiProperty({ maxLength: 50 }) label: string;
  @ApiProperty({
    description: 'false: the clinic has not set up who answers it; it cannot be sent',
  })
  available: boolean;
  @ApiProperty({ maxLength: 100, nullable: true, type: String, description: 'Who reads it' })
  careTeam: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 10,
    nullable: true,
    description: 'Usually answered within this many business days',
  })
  answerWithinBusinessDays: number | null;
  @ApiProperty({
    maxLength: 200,
    nullable: true,
    type: String,
    description: 'The promise in words, e.g. “Usually answers within 2 business days”',
  })
  answerTimeText: string | null;
}

export class UploadedAttachmentView extends AttachmentView {
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

/** A pool or staff member by id and name (results.dto's PersonRef names a person by displayName). */
export class NamedRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) name: string;
}

export class InboxPatient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) name: string;
  @ApiProperty({ maxLength: 50 }) mrn: string;
}

export class InboxConversationItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: InboxPatient }) patient: InboxPatient;
  @ApiProperty({ enum: MESSAGE_CATEGORIES, enumName: 'MessageCategory' }) category: MessageCategory;
  @ApiProperty({ maxLength: 200 }) subject: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: MessageAboutView, nullable: true }) about: MessageAboutView | null;
  @ApiProperty({ type: NamedRef, description: 'The pool that reads it' }) pool: NamedRef;
  @ApiProperty({
    type: NamedRef,
    nullable: true,
    description: 'The staff member it is assigned to',
  })
  assignee: NamedRef | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'The newest message or note' })
  lastActivityAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the patient’s oldest unanswered message arrived; null when answered',
  })
  awaitingSince: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The promised answer time for it (business days of the category)',
  })
  replyDueAt: string | null;
  @ApiProperty({ description: 'The promised answer time has passed' }) overdue: boolean;
  @ApiProperty({ description: 'A patient message this staff member has not opened yet' })
  unread: boolean;
}

export class InboxConversationPage extends PageOf(InboxConversationItem, {
  description: 'Newest activity first',
}) {}

export class StaffConversationView extends InboxConversationItem {
  @ApiProperty({
    type: MessagePage,
    description: 'The first page of messages and internal notes, newest first',
  })
  messages: MessagePage;
}

export class InboxViewCount {
  @ApiProperty({ enum: INBOX_VIEWS, enumName: 'InboxView' }) view: InboxView;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  total: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
    description: 'Those with a patient message this staff member has not opened',
  })
  unread: number;
}

export class InboxCounts {
  @ApiProperty({ type: InboxViewCount, isArray: true, maxItems: 5 }) views: InboxViewCount[];
}

export class BulkChangeResult {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: 100,
    description: 'The conversations changed',
  })
  changed: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: 100,
    description: 'Ids that are not conversations this caller reads (nothing done to them)',
  })
  notFound: string[];
}

export class CarePoolView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 100 }) name: string;
  @ApiProperty({ enum: POOL_DEPARTMENTS, enumName: 'PoolDepartment' }) department: PoolDepartment;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) locationId: string | null;
  @ApiProperty() active: boolean;
}

export class CarePoolList {
  @ApiProperty({ type: CarePoolView, isArray: true, maxItems: 500, description: 'By name' })
  items: CarePoolView[];
}

export class MessageRoutingView {
  @ApiProperty({ enum: MESSAGE_CATEGORIES, enumName: 'MessageCategory' }) category: MessageCategory;
  @ApiProperty({ maxLength: 50 }) label: string;
  @ApiProperty({
    type: CarePoolView,
    nullable: true,
    description: 'null: not routed yet; patients cannot send this category',
  })
  pool: CarePoolView | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10, nullable: true })
  answerWithinBusinessDays: number | null;
}

export class MessageRoutingList {
  @ApiProperty({ type: MessageRoutingView, isArray: true, maxItems: 6 })
  items: MessageRoutingView[];
}

export class MessageCategoryList {
  @ApiProperty({ type: MessageCategoryView, isArray: true, maxItems: 6 })
  items: MessageCategoryView[];
}

export class ReplyTemplateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 100 }) name: string;
  @ApiProperty({ maxLength: MAX_BODY_CHARACTERS, description: TEMPLATE_BODY_DESCRIPTION })
  body: string;
  @ApiProperty() active: boolean;
}

export class ReplyTemplateList {
  @ApiProperty({ type: ReplyTemplateView, isArray: true, maxItems: 500, description: 'By name' })
  items: ReplyTemplateView[];
}

export class FilledReplyTemplate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 100 }) name: string;
  @ApiProperty({
    maxLength: 20_000,
    description: 'The template with its placeholders filled for this conversation and caller',
  })
  text: string;
}

export class FilledReplyTemplateList {
  @ApiProperty({ type: FilledReplyTemplate, isArray: true, maxItems: 500 })
  items: FilledReplyTemplate[];
}
