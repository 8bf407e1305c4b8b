import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor } from '../../common/pager.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { AuditService, type AuditAction, type AuditEntry } from '../audit/audit.service.js';
import {
  BulkChangeResult,
  type AssignConversationsRequest,
  type InboxConversationPage,
  type InboxCounts,
  type InboxQuery,
  type MessagePage,
  type MessageView,
  type PageQuery,
  type PatientConversationPage,
  type PatientConversationView,
  type PatientMessageCounts,
  type SendMessageRequest,
  type StaffConversationView,
  type StaffMessageRequest,
  type StaffStartConversationRequest,
  type StartConversationRequest,
} from './messaging.dto.js';
import {
  ClientMessageIdReusedError,
  ConversationNotFoundError,
  CarePoolNotFoundError,
  MessagingNotSetUpError,
} from './messaging.errors.js';
import { MessagingEvents } from './message-events.js';
import { MessagingRepository, type ConversationRow } from './messaging.repository.js';
import {
  addBusinessDays,
  DEFAULT_ANSWER_BUSINESS_DAYS,
  INBOX_VIEWS,
  poolReader,
  requireId,
  type MessageKind,
} from './messaging.rules.js';
import { conversationPage, inboxItem, messagePage, patientItem } from './messaging-views.js';

/** The first page of messages shown with a conversation. */
const FIRST_MESSAGES = 50;

export { addBusinessDays };

export function unreadEmailJobId(messageId: string): string {
  return `message-unread-${messageId}`;
}

/**
 * Secure messaging between a patient and the care team. Patients reach only their own
 * conversations (the patient-scope guard and every query's patient id); staff reach the
 * conversations of the pools their roles read (MessagingRepository's one rule). Every read
 * and change is audited; events carrying ids only tell open streams to refetch.
 */
@Injectable()
export class MessagingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: MessagingRepository,
    private readonly audit: AuditService,
    private readonly events: MessagingEvents,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private entry(
    action: AuditAction,
    by: Accessor,
    patientId: string,
    conversationId: string,
  ): AuditEntry {
    return {
      action,
      outcome: 'success',
      actor: by.principal,
      patientId,
      resourceType: 'conversation',
      resourceId: conversationId,
      context: by.context,
    };
  }

  // ---- Patient side ----

  async listForPatient(
    patientId: string,
    query: PageQuery,
    by: Accessor,
  ): Promise<PatientConversationPage> {
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const rows = await this.repository.patientConversations(
      patientId,
      by.principal.accountId,
      query.limit,
      after,
    );
    await this.audit.record({
      action: 'conversation.list',
      outcome: 'success',
      actor: by.principal,
      patientId,
      context: by.context,
    });
    return conversationPage(rows, query.limit, patientItem);
  }

  /** Home's count of conversations with an unopened reply; audited like the list. */
  async unreadForPatient(patientId: string, by: Accessor): Promise<PatientMessageCounts> {
    const unreadConversations = await this.repository.patientUnreadCount(
      patientId,
      by.principal.accountId,
    );
    await this.audit.record({
      action: 'conversation.list',
      outcome: 'success',
      actor: by.principal,
      patientId,
      context: by.context,
    });
    return { unreadConversations };
  }

  /** The conversation and its newest messages (never internal notes); marks it read. */
  async getForPatient(
    patientId: string,
    conversationId: string,
    by: Accessor,
  ): Promise<PatientConversationView> {
    const row = await this.patientRow(patientId, conversationId, by);
    const messages = await this.repository.messages(conversationId, false, FIRST_MESSAGES, null);
    await this.recordRead(row, by);
    return { ...patientItem(row), unread: false, messages: messagePage(messages, FIRST_MESSAGES) };
  }

  async patientMessages(
    patientId: string,
    conversationId: string,
    query: PageQuery,
    by: Accessor,
  ): Promise<MessagePage> {
    await this.patientRow(patientId, conversationId, by);
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const messages = await this.repository.messages(conversationId, false, query.limit, after);
    await this.audit.record(this.entry('conversation.read', by, patientId, conversationId));
    return messagePage(messages, query.limit);
  }

  /** The patient's own conversation, or 404. */
  private async patientRow(
    patientId: string,
    conversationId: string,
    by: Accessor,
  ): Promise<ConversationRow> {
    const row = await this.repository.patientConversation(
      patientId,
      requireId(conversationId, () => new ConversationNotFoundError()),
      by.principal.accountId,
    );
    if (!row) throw new ConversationNotFoundError();
    return row;
  }

  /**
   * Reading a conversation: the read mark and the audit row, side by side on two pooled
   * connections. Not one transaction: a read mark without its audit row harms nobody (the
   * request fails and the messages are not shown), and BEGIN/COMMIT held a connection for
   * four round trips on the busiest read of messaging.
   */
  private async recordRead(row: ConversationRow, by: Accessor): Promise<void> {
    await Promise.all([
      this.repository.markRead(this.db, row.id, by.principal.accountId, this.clock.now()),
      this.audit.record(this.entry('conversation.read', by, row.patient_id, row.id)),
    ]);
  }

  /**
   * A patient's new conversation. A retry with the same clientMessageId answers the
   * conversation the first try made; a concurrent retry loses on the unique index and does
   * the same.
   */
  async startByPatient(
    patientId: string,
    input: StartConversationRequest,
    by: Accessor,
  ): Promise<{ created: boolean; conversation: PatientConversationView }> {
    const author = by.principal.accountId;
    const earlier = await this.repository.findByClientId(this.db, author, input.clientMessageId);
    if (earlier)
      return { created: false, conversation: await this.existing(patientId, earlier, by) };
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    const about = input.about ?? null;
    const facts = await this.repository.prepareNew({
      patientId,
      uploaderId: author,
      category: input.category,
      about,
      attachmentIds,
    });
    const problems = [];
    if (!facts.aboutOwned) {
      problems.push({
        field: 'about.id',
        message: 'Choose one of your own appointments, results or medications.',
      });
    }
    if (facts.usableAttachments !== attachmentIds.length) {
      problems.push({
        field: 'attachmentIds',
        message: 'Attach only files you uploaded and have not sent yet.',
      });
    }
    if (problems.length) throw validationProblem(problems);
    if (!facts.routing || !facts.routing.pool_active) throw new MessagingNotSetUpError();
    const routing = facts.routing;
    const conversationId = newId();
    const messageId = newId();
    const now = this.clock.now();
    const stored = await this.db
      .transaction(async (manager) => {
        await this.repository.insertConversation(manager, {
          id: conversationId,
          patientId,
          poolId: routing.pool_id,
          category: input.category,
          subject: input.subject,
          about,
          startedBy: author,
          now,
        });
        const inserted = await this.repository.insertMessage(manager, {
          id: messageId,
          conversationId,
          kind: 'patient',
          authorId: author,
          clientMessageId: input.clientMessageId,
          body: input.body,
          now,
        });
        if (!inserted) return false;
        await this.tieAttachments(manager, messageId, attachmentIds, author, patientId);
        await this.repository.applyPatientMessage(
          manager,
          conversationId,
          now,
          addBusinessDays(now, routing.answer_business_days),
        );
        await this.repository.markRead(manager, conversationId, author, now);
        await this.audit.record(this.entry('message.send', by, patientId, conversationId), manager);
        return true;
      })
      .catch(async (error: unknown) => {
        // The unique index refused a concurrent retry mid-transaction: answer what it stored.
        if (await this.repository.findByClientId(this.db, author, input.clientMessageId))
          return false;
        throw error;
      });
    if (!stored) {
      const winner = await this.repository.findByClientId(this.db, author, input.clientMessageId);
      if (!winner) throw new ConversationNotFoundError();
      return { created: false, conversation: await this.existing(patientId, winner, by) };
    }
    await this.events.publish({
      type: 'message',
      conversationId,
      patientId,
      poolId: routing.pool_id,
      messageId,
    });
    return { created: true, conversation: await this.getForPatient(patientId, conversationId, by) };
  }

  private async existing(
    patientId: string,
    earlier: { conversation_id: string; patient_id: string },
    by: Accessor,
  ): Promise<PatientConversationView> {
    if (earlier.patient_id !== patientId) throw new ClientMessageIdReusedError();
    return this.getForPatient(patientId, earlier.conversation_id, by);
  }

  private async tieAttachments(
    manager: EntityManager,
    messageId: string,
    attachmentIds: string[],
    uploaderId: string,
    patientId: string,
  ): Promise<void> {
    const tied = await this.repository.attach(manager, {
      messageId,
      attachmentIds,
      uploaderId,
      patientId,
    });
    if (tied !== attachmentIds.length) {
      throw validationProblem([
        {
          field: 'attachmentIds',
          message: 'Attach only files you uploaded and have not sent yet.',
        },
      ]);
    }
  }

  /** A patient's reply: reopens a closed conversation and starts the answer-time clock. */
  async replyByPatient(
    patientId: string,
    conversationId: string,
    input: SendMessageRequest,
    by: Accessor,
  ): Promise<{ created: boolean; message: MessageView }> {
    const author = by.principal.accountId;
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    requireId(conversationId, () => new ConversationNotFoundError());
    const outcome = await this.db.transaction(async (manager) => {
      const conversation = await this.repository.lockForPatient(manager, patientId, conversationId);
      if (!conversation) throw new ConversationNotFoundError();
      const earlier = await this.repository.findByClientId(manager, author, input.clientMessageId);
      if (earlier) {
        if (earlier.conversation_id !== conversationId) throw new ClientMessageIdReusedError();
        return { messageId: earlier.id, created: false, poolId: conversation.pool_id };
      }
      const messageId = newId();
      const now = this.clock.now();
      await this.repository.insertMessage(manager, {
        id: messageId,
        conversationId,
        kind: 'patient',
        authorId: author,
        clientMessageId: input.clientMessageId,
        body: input.body,
        now,
      });
      await this.tieAttachments(manager, messageId, attachmentIds, author, patientId);
      const days = conversation.answer_business_days ?? DEFAULT_ANSWER_BUSINESS_DAYS;
      await this.repository.applyPatientMessage(
        manager,
        conversationId,
        now,
        addBusinessDays(now, days),
      );
      await this.repository.markRead(manager, conversationId, author, now);
      await this.audit.record(this.entry('message.send', by, patientId, conversationId), manager);
      return { messageId, created: true, poolId: conversation.pool_id };
    });
    if (outcome.created) {
      await this.events.publish({
        type: 'message',
        conversationId,
        patientId,
        poolId: outcome.poolId,
        messageId: outcome.messageId,
      });
    }
    return {
      created: outcome.created,
      message: await this.oneMessage(conversationId, outcome.messageId),
    };
  }

  private async oneMessage(conversationId: string, messageId: string): Promise<MessageView> {
    // The newest messages include it (it was just written, or is a retry of a recent one).
    const rows = await this.repository.messages(conversationId, true, FIRST_MESSAGES, null);
    const page = messagePage(rows, FIRST_MESSAGES);
    const found = page.items.find((message) => message.id === messageId);
    if (!found) throw new ConversationNotFoundError();
    return found;
  }

  async closeByPatient(patientId: string, conversationId: string, by: Accessor): Promise<void> {
    requireId(conversationId, () => new ConversationNotFoundError());
    const closed = await this.db.transaction(async (manager) => {
      const row = await this.repository.closeForPatient(
        manager,
        patientId,
        conversationId,
        by.principal.accountId,
        this.clock.now(),
      );
      if (!row) return null;
      await this.audit.record(
        this.entry('conversation.close', by, patientId, conversationId),
        manager,
      );
      return row;
    });
    if (!closed) throw new ConversationNotFoundError();
    await this.events.publish({
      type: 'conversation',
      conversationId,
      patientId,
      poolId: closed.pool_id,
    });
  }

  // ---- Staff side ----

  async inbox(query: InboxQuery, by: Accessor): Promise<InboxConversationPage> {
    const now = this.clock.now();
    const rows = await this.repository.inbox(poolReader(by.principal), {
      view: query.view,
      poolId: query.poolId,
      category: query.category,
      overdue: query.overdue,
      waitingAtLeastHours: query.waitingAtLeastHours,
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor, 'instant') : null,
      now,
    });
    const page = conversationPage(rows, query.limit, (row) => inboxItem(row, now));
    // Each patient on the page learns that staff saw their conversation in a list.
    await this.audit.recordMany(
      page.items.map((item) => this.entry('conversation.inbox', by, item.patient.id, item.id)),
    );
    return page;
  }

  async counts(poolId: string | undefined, by: Accessor): Promise<InboxCounts> {
    const row = await this.repository.inboxCounts(poolReader(by.principal), poolId);
    return {
      views: INBOX_VIEWS.map((view) => ({
        view,
        total: row[`${view}_total`],
        unread: row[`${view}_unread`],
      })),
    };
  }

  /** A conversation this staff member reads, with messages and notes; marks it read. */
  async getForStaff(conversationId: string, by: Accessor): Promise<StaffConversationView> {
    const row = await this.staffRow(conversationId, by);
    const messages = await this.repository.messages(conversationId, true, FIRST_MESSAGES, null);
    await this.recordRead(row, by);
    return {
      ...inboxItem(row, this.clock.now()),
      unread: false,
      messages: messagePage(messages, FIRST_MESSAGES),
    };
  }

  /** The conversation as this staff member may read it, or 404. */
  async staffRow(conversationId: string, by: Accessor): Promise<ConversationRow> {
    const row = await this.repository.staffConversation(
      poolReader(by.principal),
      requireId(conversationId, () => new ConversationNotFoundError()),
    );
    if (!row) throw new ConversationNotFoundError();
    return row;
  }

  async staffMessages(
    conversationId: string,
    query: PageQuery,
    by: Accessor,
  ): Promise<MessagePage> {
    const row = await this.staffRow(conversationId, by);
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const messages = await this.repository.messages(conversationId, true, query.limit, after);
    await this.audit.record(this.entry('conversation.read', by, row.patient_id, row.id));
    return messagePage(messages, query.limit);
  }

  /** A reply (the patient reads it) or an internal note, idempotent by clientMessageId. */
  async postByStaff(
    conversationId: string,
    input: StaffMessageRequest,
    by: Accessor,
  ): Promise<{ created: boolean; message: MessageView }> {
    const author = by.principal.accountId;
    const kind: MessageKind = input.kind === 'note' ? 'note' : 'staff';
    requireId(conversationId, () => new ConversationNotFoundError());
    const outcome = await this.db.transaction(async (manager) => {
      const conversation = await this.repository.lockForStaff(
        manager,
        poolReader(by.principal),
        conversationId,
      );
      if (!conversation) throw new ConversationNotFoundError();
      const earlier = await this.repository.findByClientId(manager, author, input.clientMessageId);
      if (earlier) {
        if (earlier.conversation_id !== conversationId) throw new ClientMessageIdReusedError();
        return { messageId: earlier.id, created: false, conversation };
      }
      const messageId = newId();
      const now = this.clock.now();
      await this.repository.insertMessage(manager, {
        id: messageId,
        conversationId,
        kind,
        authorId: author,
        clientMessageId: input.clientMessageId,
        body: input.body,
        now,
      });
      await this.repository.applyStaffMessage(manager, conversationId, kind, now);
      await this.repository.markRead(manager, conversationId, author, now);
      await this.audit.record(
        this.entry(
          kind === 'note' ? 'message.note' : 'message.send',
          by,
          conversation.patient_id,
          conversationId,
        ),
        manager,
      );
      return { messageId, created: true, conversation };
    });
    if (outcome.created) {
      await this.events.publish({
        type: 'message',
        conversationId,
        patientId: outcome.conversation.patient_id,
        poolId: outcome.conversation.pool_id,
        messageId: outcome.messageId,
        ...(kind === 'note' ? { staffOnly: true } : {}),
      });
      if (kind === 'staff') await this.scheduleUnreadEmail(outcome.messageId);
    }
    return {
      created: outcome.created,
      message: await this.oneMessage(conversationId, outcome.messageId),
    };
  }

  /**
   * The "you have a new message" email, if the patient has not read the reply by then. The
   * job carries the message id only, and checks the read mark when it runs.
   */
  private async scheduleUnreadEmail(messageId: string): Promise<void> {
    await this.queue
      .enqueue(
        'message.notify-unread',
        { messageId },
        {
          jobId: unreadEmailJobId(messageId),
          delayMs: this.config.messaging.unreadEmailDelayMinutes * 60_000,
        },
      )
      .catch(() => undefined); // the reply stands; only its reminder email is lost
  }

  /** A staff member starts a conversation with a patient (a reply the patient reads). */
  async startByStaff(
    patientId: string,
    input: StaffStartConversationRequest,
    by: Accessor,
  ): Promise<{ created: boolean; conversation: StaffConversationView }> {
    const author = by.principal.accountId;
    const earlier = await this.repository.findByClientId(this.db, author, input.clientMessageId);
    if (earlier) {
      if (earlier.patient_id !== patientId) throw new ClientMessageIdReusedError();
      return { created: false, conversation: await this.getForStaff(earlier.conversation_id, by) };
    }
    let poolId = input.poolId;
    if (!poolId) {
      const facts = await this.repository.prepareNew({
        patientId,
        uploaderId: author,
        category: input.category,
        about: null,
        attachmentIds: [],
      });
      if (!facts.routing) throw new MessagingNotSetUpError();
      poolId = facts.routing.pool_id;
    } else if (!(await this.repository.pool(poolId))) {
      throw new CarePoolNotFoundError();
    }
    const conversationId = newId();
    const messageId = newId();
    const now = this.clock.now();
    const chosenPool = poolId;
    await this.db.transaction(async (manager) => {
      await this.repository.insertConversation(manager, {
        id: conversationId,
        patientId,
        poolId: chosenPool,
        category: input.category,
        subject: input.subject,
        about: null,
        startedBy: author,
        // The one who starts it is its first assignee, so it shows under "mine".
        assignedTo: author,
        now,
      });
      await this.repository.insertMessage(manager, {
        id: messageId,
        conversationId,
        kind: 'staff',
        authorId: author,
        clientMessageId: input.clientMessageId,
        body: input.body,
        now,
      });
      await this.repository.applyStaffMessage(manager, conversationId, 'staff', now);
      await this.repository.markRead(manager, conversationId, author, now);
      await this.audit.record(
        this.entry('conversation.start', by, patientId, conversationId),
        manager,
      );
    });
    await this.events.publish({
      type: 'message',
      conversationId,
      patientId,
      poolId: chosenPool,
      messageId,
    });
    await this.scheduleUnreadEmail(messageId);
    return { created: true, conversation: await this.getForStaff(conversationId, by) };
  }

  async assign(input: AssignConversationsRequest, by: Accessor): Promise<BulkChangeResult> {
    if (
      input.assigneeAccountId &&
      !(await this.repository.isActiveStaff(input.assigneeAccountId))
    ) {
      throw validationProblem([
        { field: 'assigneeAccountId', message: 'Choose an active staff member.' },
      ]);
    }
    return this.changeMany(input.conversationIds, by, 'conversation.assign', (params) => {
      return `assigned_to = ${params.add(input.assigneeAccountId)}::uuid`;
    });
  }

  async close(ids: string[], by: Accessor): Promise<BulkChangeResult> {
    const now = this.clock.now();
    return this.changeMany(ids, by, 'conversation.close', (params) => {
      const at = params.add(now);
      const who = params.add(by.principal.accountId);
      return `status = 'closed', closed_at = coalesce(c.closed_at, ${at}),
              closed_by = coalesce(c.closed_by, ${who}::uuid), awaiting_since = NULL, reply_due_at = NULL`;
    });
  }

  async reopen(ids: string[], by: Accessor): Promise<BulkChangeResult> {
    return this.changeMany(
      ids,
      by,
      'conversation.reopen',
      () => `status = 'open', closed_at = NULL, closed_by = NULL`,
    );
  }

  /** Moves a conversation to another pool (it may then leave the caller's view). */
  async move(conversationId: string, poolId: string, by: Accessor): Promise<BulkChangeResult> {
    requireId(conversationId, () => new ConversationNotFoundError());
    if (!(await this.repository.pool(poolId))) throw new CarePoolNotFoundError();
    const result = await this.changeMany(
      [conversationId],
      by,
      'conversation.move',
      (params) => `pool_id = ${params.add(poolId)}::uuid, assigned_to = NULL`,
    );
    if (!result.changed.length) throw new ConversationNotFoundError();
    return result;
  }

  /**
   * One UPDATE over the named conversations this caller reads, one audit INSERT for them, and
   * an event for each; the others are listed as not found.
   */
  private async changeMany(
    ids: string[],
    by: Accessor,
    action: AuditAction,
    set: Parameters<MessagingRepository['changeMany']>[3],
  ): Promise<BulkChangeResult> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const reader = poolReader(by.principal);
    const changed = await this.db.transaction(async (manager) => {
      const rows = await this.repository.changeMany(manager, reader, unique, set);
      await this.audit.recordMany(
        rows.map((row) => this.entry(action, by, row.patient_id, row.id)),
        manager,
      );
      return rows;
    });
    await Promise.all(
      changed.map((row) =>
        this.events.publish({
          type: 'conversation',
          conversationId: row.id,
          patientId: row.patient_id,
          poolId: row.pool_id,
        }),
      ),
    );
    const done = new Set(changed.map((row) => row.id));
    return { changed: [...done], notFound: unique.filter((id) => !done.has(id)) };
  }
}
