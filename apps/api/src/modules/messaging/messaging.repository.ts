import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';
import type {
  AboutType,
  InboxView,
  MessageCategory,
  MessageKind,
  PoolDepartment,
  PoolReader,
} from './messaging.rules.js';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Numbered query parameters, added as a statement is written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const KEY = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The one rule of who on the staff reads a conversation (alias `c`): every pool for
 * administrators; pools of the caller's departments, when the pool has no location or one
 * the caller works at; whatever is assigned to them; and for providers, the clinical
 * conversations of patients who have an appointment with them.
 */
function staffSees(params: Params, reader: PoolReader): string {
  if (reader.everyPool) return 'true';
  const account = params.add(reader.accountId);
  const departments = params.add(reader.departments);
  const ownPatients = reader.provider
    ? ` OR (EXISTS (SELECT 1 FROM care_pool cp WHERE cp.id = c.pool_id AND cp.department = 'clinical')
            AND EXISTS (SELECT 1 FROM appointment a JOIN provider pr ON pr.id = a.provider_id
                         WHERE pr.account_id = ${account} AND a.patient_id = c.patient_id))`
    : '';
  return `(c.pool_id IN (SELECT p.id FROM care_pool p
                          WHERE p.department = ANY(${departments}::text[])
                            AND (p.location_id IS NULL OR p.location_id IN
                                  (SELECT sl.location_id FROM staff_location sl WHERE sl.account_id = ${account})))
           OR c.assigned_to = ${account}${ownPatients})`;
}

/** Each inbox view as a condition on `c` (the caller's account is `account`). */
function viewCondition(view: InboxView, account: string): string {
  switch (view) {
    case 'unassigned':
      return `c.status = 'open' AND c.assigned_to IS NULL`;
    case 'mine':
      return `c.status = 'open' AND c.assigned_to = ${account}`;
    case 'open':
      return `c.status = 'open'`;
    case 'waiting':
      return `c.status = 'open' AND c.awaiting_since IS NULL`;
    case 'closed':
      return `c.status = 'closed'`;
  }
}

export interface ConversationRow {
  id: string;
  patient_id: string;
  pool_id: string;
  pool_name: string;
  category: MessageCategory;
  subject: string;
  about_type: AboutType | null;
  about_id: string | null;
  status: 'open' | 'closed';
  assigned_to: string | null;
  assignee_name: string | null;
  created_at: Date;
  last_activity_at: Date;
  last_visible_at: Date;
  awaiting_since: Date | null;
  reply_due_at: Date | null;
  unread: boolean;
  sort_key: string;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  mrn: string;
  answer_business_days: number | null;
}

export interface AttachmentJson {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
}

export interface MessageRow {
  id: string;
  client_message_id: string;
  kind: MessageKind;
  author_name: string;
  body: string;
  sent_at: Date;
  sort_key: string;
  attachments: AttachmentJson[];
}

export interface PoolRow {
  id: string;
  name: string;
  department: PoolDepartment;
  location_id: string | null;
  active: boolean;
}

export interface RoutingRow {
  category: MessageCategory;
  answer_business_days: number;
  pool_id: string;
  pool_name: string;
  pool_department: PoolDepartment;
  pool_location_id: string | null;
  pool_active: boolean;
}

export interface TemplateRow {
  id: string;
  name: string;
  body: string;
  active: boolean;
}

export interface AttachmentRow {
  id: string;
  patient_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
}

const CONVERSATION_COLUMNS = (unreadColumn: string) => `
  c.id, c.patient_id, c.pool_id, pool.name AS pool_name, c.category, c.subject, c.about_type,
  c.about_id, c.status, c.assigned_to, assignee.display_name AS assignee_name, c.created_at,
  c.last_activity_at, c.last_visible_at, c.awaiting_since, c.reply_due_at,
  coalesce(c.${unreadColumn} > coalesce(r.read_at, '-infinity'), false) AS unread,
  pt.given_name, pt.preferred_name, pt.family_name, pt.mrn, mr.answer_business_days`;

const CONVERSATION_FROM = (reader: string) => `
  FROM conversation c
  JOIN care_pool pool ON pool.id = c.pool_id
  JOIN patient pt ON pt.id = c.patient_id
  LEFT JOIN account assignee ON assignee.id = c.assigned_to
  LEFT JOIN message_routing mr ON mr.category = c.category
  LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.account_id = ${reader}`;

/** The SQL of messaging: conversations, messages, attachments, pools, routing, templates. */
@Injectable()
export class MessagingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---- Patient side ----

  /**
   * What a new conversation needs, in one statement: the category's routing, whether `about`
   * is the patient's own, and how many of the named uploads are the caller's and unsent.
   */
  async prepareNew(input: {
    patientId: string;
    uploaderId: string;
    category: MessageCategory;
    about: { type: AboutType; id: string } | null;
    attachmentIds: string[];
  }): Promise<{ routing: RoutingRow | null; aboutOwned: boolean; usableAttachments: number }> {
    const [row] = (await this.db.query(
      `SELECT
         (SELECT row_to_json(x) FROM (
            SELECT mr.category, mr.answer_business_days, p.id AS pool_id, p.name AS pool_name,
                   p.department AS pool_department, p.location_id AS pool_location_id,
                   p.active AS pool_active
              FROM message_routing mr JOIN care_pool p ON p.id = mr.pool_id
             WHERE mr.category = $1) x) AS routing,
         CASE $3::text
           WHEN 'appointment' THEN EXISTS (SELECT 1 FROM appointment WHERE id = $4 AND patient_id = $2)
           WHEN 'result' THEN EXISTS (SELECT 1 FROM result_report WHERE id = $4 AND patient_id = $2
                                      AND release_state = 'released' AND status <> 'entered-in-error')
           WHEN 'medication' THEN EXISTS (SELECT 1 FROM medication WHERE id = $4 AND patient_id = $2
                                          AND status <> 'entered-in-error')
           ELSE true
         END AS about_owned,
         (SELECT count(*)::int FROM message_attachment
           WHERE id = ANY($5::uuid[]) AND patient_id = $2 AND uploaded_by = $6 AND message_id IS NULL)
           AS usable_attachments`,
      [
        input.category,
        input.patientId,
        input.about?.type ?? null,
        input.about?.id ?? null,
        input.attachmentIds,
        input.uploaderId,
      ],
    )) as { routing: RoutingRow | null; about_owned: boolean; usable_attachments: number }[];
    return {
      routing: row!.routing,
      aboutOwned: row!.about_owned,
      usableAttachments: row!.usable_attachments,
    };
  }

  /** The message a client id already stands for (a retried send), with its conversation. */
  async findByClientId(
    manager: Queryable,
    authorId: string,
    clientMessageId: string,
  ): Promise<{ id: string; conversation_id: string; patient_id: string } | undefined> {
    const [row] = (await manager.query(
      `SELECT m.id, m.conversation_id, c.patient_id
         FROM message m JOIN conversation c ON c.id = m.conversation_id
        WHERE m.author_account_id = $1 AND m.client_message_id = $2`,
      [authorId, clientMessageId],
    )) as { id: string; conversation_id: string; patient_id: string }[];
    return row;
  }

  async insertConversation(
    manager: Queryable,
    row: {
      id: string;
      patientId: string;
      poolId: string;
      category: MessageCategory;
      subject: string;
      about: { type: AboutType; id: string } | null;
      startedBy: string;
      assignedTo?: string;
      now: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO conversation (id, patient_id, pool_id, category, subject, about_type, about_id,
         status, started_by, created_at, last_activity_at, last_visible_at, assigned_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9, $9, $10)`,
      [
        row.id,
        row.patientId,
        row.poolId,
        row.category,
        row.subject,
        row.about?.type ?? null,
        row.about?.id ?? null,
        row.startedBy,
        row.now,
        row.assignedTo ?? null,
      ],
    );
  }

  /** Inserts a message; false when its client id was already used by this author. */
  async insertMessage(
    manager: Queryable,
    row: {
      id: string;
      conversationId: string;
      kind: MessageKind;
      authorId: string;
      clientMessageId: string;
      body: string;
      now: Date;
    },
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO message (id, conversation_id, kind, author_account_id, client_message_id, body, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (author_account_id, client_message_id) DO NOTHING
       RETURNING id`,
      [row.id, row.conversationId, row.kind, row.authorId, row.clientMessageId, row.body, row.now],
    )) as unknown[];
    return inserted.length === 1;
  }

  /** Ties uploaded files to their message; the number tied (the caller's unsent ones only). */
  async attach(
    manager: Queryable,
    input: { messageId: string; attachmentIds: string[]; uploaderId: string; patientId: string },
  ): Promise<number> {
    if (!input.attachmentIds.length) return 0;
    const rows = returnedRows(
      await manager.query(
        `UPDATE message_attachment SET message_id = $1
          WHERE id = ANY($2::uuid[]) AND uploaded_by = $3 AND patient_id = $4 AND message_id IS NULL
          RETURNING id`,
        [input.messageId, input.attachmentIds, input.uploaderId, input.patientId],
      ),
    );
    return rows.length;
  }

  /** Records that a reader has seen a conversation up to `at` (never moves back). */
  async markRead(manager: Queryable, conversationId: string, accountId: string, at: Date) {
    await manager.query(
      `INSERT INTO conversation_read (conversation_id, account_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id, account_id)
       DO UPDATE SET read_at = GREATEST(conversation_read.read_at, EXCLUDED.read_at)`,
      [conversationId, accountId, at],
    );
  }

  /** A page of the patient's conversations, newest visible message first. */
  patientConversations(
    patientId: string,
    readerId: string,
    limit: number,
    after: PageKey | null,
  ): Promise<ConversationRow[]> {
    const params = new Params();
    const patient = params.add(patientId);
    const reader = params.add(readerId);
    const where = [`c.patient_id = ${patient}`];
    if (after) {
      where.push(
        `(c.last_visible_at, c.id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`,
      );
    }
    return this.db.query(
      `SELECT ${CONVERSATION_COLUMNS('last_staff_reply_at')}, ${KEY('c.last_visible_at')} AS sort_key
       ${CONVERSATION_FROM(reader)}
        WHERE ${where.join(' AND ')}
        ORDER BY c.last_visible_at DESC, c.id DESC
        LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
  }

  /** How many of the patient's conversations have a care-team reply this reader has not opened. */
  async patientUnreadCount(patientId: string, readerId: string): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS unread
         FROM conversation c
         LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.account_id = $2
        WHERE c.patient_id = $1 AND c.last_staff_reply_at > coalesce(r.read_at, '-infinity')`,
      [patientId, readerId],
    )) as { unread: number }[];
    return row?.unread ?? 0;
  }

  async patientConversation(
    patientId: string,
    conversationId: string,
    readerId: string,
  ): Promise<ConversationRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${CONVERSATION_COLUMNS('last_staff_reply_at')}, ${KEY('c.last_visible_at')} AS sort_key
       ${CONVERSATION_FROM('$3')}
        WHERE c.id = $1 AND c.patient_id = $2`,
      [conversationId, patientId, readerId],
    )) as ConversationRow[];
    return row;
  }

  /**
   * A page of a conversation's messages, newest first, each with its attachments; internal
   * notes only when `withNotes` (never for the patient: the rule is here, once).
   */
  messages(
    conversationId: string,
    withNotes: boolean,
    limit: number,
    after: PageKey | null,
  ): Promise<MessageRow[]> {
    const params = new Params();
    const where = [`m.conversation_id = ${params.add(conversationId)}`];
    if (!withNotes) where.push(`m.kind <> 'note'`);
    if (after) {
      where.push(
        `(m.sent_at, m.id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`,
      );
    }
    return this.db.query(
      `SELECT m.id, m.client_message_id, m.kind, a.display_name AS author_name, m.body, m.sent_at,
              ${KEY('m.sent_at')} AS sort_key,
              coalesce((SELECT json_agg(json_build_object('id', f.id, 'file_name', f.file_name,
                                 'content_type', f.content_type, 'size_bytes', f.size_bytes)
                                 ORDER BY f.created_at, f.id)
                          FROM message_attachment f WHERE f.message_id = m.id), '[]'::json) AS attachments
         FROM message m JOIN account a ON a.id = m.author_account_id
        WHERE ${where.join(' AND ')}
        ORDER BY m.sent_at DESC, m.id DESC
        LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
  }

  /** The conversation a patient writes to, locked for the change. */
  async lockForPatient(
    manager: Queryable,
    patientId: string,
    conversationId: string,
  ): Promise<
    | {
        id: string;
        pool_id: string;
        status: string;
        awaiting_since: Date | null;
        answer_business_days: number | null;
      }
    | undefined
  > {
    const [row] = (await manager.query(
      `SELECT c.id, c.pool_id, c.status, c.awaiting_since, mr.answer_business_days
         FROM conversation c LEFT JOIN message_routing mr ON mr.category = c.category
        WHERE c.id = $1 AND c.patient_id = $2
        FOR UPDATE OF c`,
      [conversationId, patientId],
    )) as {
      id: string;
      pool_id: string;
      status: string;
      awaiting_since: Date | null;
      answer_business_days: number | null;
    }[];
    return row;
  }

  /** A patient message: the conversation is open again and waits for an answer. */
  async applyPatientMessage(
    manager: Queryable,
    conversationId: string,
    now: Date,
    replyDueAt: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE conversation
          SET status = 'open', closed_at = NULL, closed_by = NULL,
              last_activity_at = $2, last_visible_at = $2, last_patient_message_at = $2,
              awaiting_since = coalesce(awaiting_since, $2),
              reply_due_at = CASE WHEN awaiting_since IS NULL THEN $3 ELSE reply_due_at END
        WHERE id = $1`,
      [conversationId, now, replyDueAt],
    );
  }

  /** A staff reply answers what waited and reopens; a note only counts as activity. */
  async applyStaffMessage(
    manager: Queryable,
    conversationId: string,
    kind: 'staff' | 'note',
    now: Date,
  ): Promise<void> {
    await manager.query(
      kind === 'staff'
        ? `UPDATE conversation
              SET status = 'open', closed_at = NULL, closed_by = NULL, last_activity_at = $2,
                  last_visible_at = $2, last_staff_reply_at = $2, awaiting_since = NULL,
                  reply_due_at = NULL
            WHERE id = $1`
        : `UPDATE conversation SET last_activity_at = $2 WHERE id = $1`,
      [conversationId, now],
    );
  }

  /** Closes the patient's own conversation; false when there is none. */
  async closeForPatient(
    manager: Queryable,
    patientId: string,
    conversationId: string,
    by: string,
    now: Date,
  ): Promise<{ pool_id: string } | undefined> {
    const [row] = returnedRows<{ pool_id: string }>(
      await manager.query(
        `UPDATE conversation
            SET status = 'closed', closed_at = coalesce(closed_at, $4), closed_by = coalesce(closed_by, $3),
                awaiting_since = NULL, reply_due_at = NULL
          WHERE id = $1 AND patient_id = $2
          RETURNING pool_id`,
        [conversationId, patientId, by, now],
      ),
    );
    return row;
  }

  // ---- Staff side ----

  inbox(
    reader: PoolReader,
    query: {
      view: InboxView;
      poolId?: string;
      category?: MessageCategory;
      overdue?: boolean;
      waitingAtLeastHours?: number;
      limit: number;
      after: PageKey | null;
      now: Date;
    },
  ): Promise<ConversationRow[]> {
    const params = new Params();
    const account = params.add(reader.accountId);
    const where = [viewCondition(query.view, account), staffSees(params, reader)];
    if (query.poolId) where.push(`c.pool_id = ${params.add(query.poolId)}`);
    if (query.category) where.push(`c.category = ${params.add(query.category)}`);
    if (query.overdue === true) where.push(`c.reply_due_at < ${params.add(query.now)}`);
    if (query.overdue === false) {
      where.push(`(c.reply_due_at IS NULL OR c.reply_due_at >= ${params.add(query.now)})`);
    }
    if (query.waitingAtLeastHours !== undefined) {
      const since = new Date(query.now.getTime() - query.waitingAtLeastHours * 3_600_000);
      where.push(`c.awaiting_since <= ${params.add(since)}`);
    }
    if (query.after) {
      where.push(
        `(c.last_activity_at, c.id) < (${params.add(query.after[0])}::timestamptz, ${params.add(query.after[1])}::uuid)`,
      );
    }
    return this.db.query(
      `SELECT ${CONVERSATION_COLUMNS('last_patient_message_at')}, ${KEY('c.last_activity_at')} AS sort_key
       ${CONVERSATION_FROM(account)}
        WHERE ${where.join(' AND ')}
        ORDER BY c.last_activity_at DESC, c.id DESC
        LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    );
  }

  /** Every view's total and unread count for this reader, in one statement. */
  async inboxCounts(
    reader: PoolReader,
    poolId: string | undefined,
  ): Promise<Record<`${InboxView}_${'total' | 'unread'}`, number>> {
    const params = new Params();
    const account = params.add(reader.accountId);
    const where = [staffSees(params, reader)];
    if (poolId) where.push(`c.pool_id = ${params.add(poolId)}`);
    const unread = `c.last_patient_message_at > coalesce(r.read_at, '-infinity')`;
    const views: InboxView[] = ['unassigned', 'mine', 'open', 'waiting', 'closed'];
    const columns = views.flatMap((view) => [
      `count(*) FILTER (WHERE ${viewCondition(view, account)})::int AS ${view}_total`,
      `count(*) FILTER (WHERE ${viewCondition(view, account)} AND ${unread})::int AS ${view}_unread`,
    ]);
    const [row] = (await this.db.query(
      `SELECT ${columns.join(',\n')}
         FROM conversation c
         LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.account_id = ${account}
        WHERE ${where.join(' AND ')}`,
      params.values,
    )) as Record<`${InboxView}_${'total' | 'unread'}`, number>[];
    return row!;
  }

  async staffConversation(
    reader: PoolReader,
    conversationId: string,
  ): Promise<ConversationRow | undefined> {
    const params = new Params();
    const account = params.add(reader.accountId);
    const id = params.add(conversationId);
    const [row] = (await this.db.query(
      `SELECT ${CONVERSATION_COLUMNS('last_patient_message_at')}, ${KEY('c.last_activity_at')} AS sort_key
       ${CONVERSATION_FROM(account)}
        WHERE c.id = ${id} AND ${staffSees(params, reader)}`,
      params.values,
    )) as ConversationRow[];
    return row;
  }

  /** The conversation a staff member writes to, if they read it, locked for the change. */
  async lockForStaff(
    manager: Queryable,
    reader: PoolReader,
    conversationId: string,
  ): Promise<{ id: string; patient_id: string; pool_id: string } | undefined> {
    const params = new Params();
    const id = params.add(conversationId);
    const [row] = (await manager.query(
      `SELECT c.id, c.patient_id, c.pool_id FROM conversation c
        WHERE c.id = ${id} AND ${staffSees(params, reader)}
        FOR UPDATE OF c`,
      params.values,
    )) as { id: string; patient_id: string; pool_id: string }[];
    return row;
  }

  /**
   * One UPDATE over the conversations this reader reads among `ids`: their ids, patients and
   * pools. `set` is the SET list; its values follow the ids and the reader's in `values`.
   */
  async changeMany(
    manager: Queryable,
    reader: PoolReader,
    ids: string[],
    set: (params: Params) => string,
  ): Promise<{ id: string; patient_id: string; pool_id: string }[]> {
    const params = new Params();
    const list = params.add(ids);
    const assignments = set(params);
    return returnedRows(
      await manager.query(
        `UPDATE conversation c SET ${assignments}
          WHERE c.id = ANY(${list}::uuid[]) AND ${staffSees(params, reader)}
          RETURNING c.id, c.patient_id, c.pool_id`,
        params.values,
      ),
    );
  }

  /** The pools this reader reads by role and location (the live stream's filter). */
  async readablePoolIds(reader: PoolReader): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT p.id FROM care_pool p
        WHERE p.department = ANY($2::text[])
          AND (p.location_id IS NULL OR p.location_id IN
                (SELECT sl.location_id FROM staff_location sl WHERE sl.account_id = $1))`,
      [reader.accountId, reader.departments],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Whether an account is an active staff member who may reply (for assignment). */
  async isActiveStaff(accountId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM account WHERE id = $1 AND kind = 'staff' AND status = 'active'`,
      [accountId],
    )) as unknown[];
    return rows.length === 1;
  }

  // ---- Attachments ----

  async insertAttachment(
    manager: Queryable,
    row: {
      id: string;
      patientId: string;
      uploadedBy: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      storageKey: string;
      now: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO message_attachment (id, patient_id, uploaded_by, file_name, content_type,
         size_bytes, storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.patientId,
        row.uploadedBy,
        row.fileName,
        row.contentType,
        row.sizeBytes,
        row.storageKey,
        row.now,
      ],
    );
  }

  /** An upload no message has taken, locked until the transaction ends (a send waits). */
  async lockUnsentUpload(
    manager: Queryable,
    attachmentId: string,
  ): Promise<{ storage_key: string } | undefined> {
    const [row] = (await manager.query(
      `SELECT storage_key FROM message_attachment
        WHERE id = $1 AND message_id IS NULL FOR UPDATE`,
      [attachmentId],
    )) as { storage_key: string }[];
    return row;
  }

  async deleteAttachment(manager: Queryable, attachmentId: string): Promise<void> {
    await manager.query(`DELETE FROM message_attachment WHERE id = $1`, [attachmentId]);
  }

  /** Uploads no message has taken yet, oldest first, a batch after the given one. */
  async unsentUploads(
    limit: number,
    after: { at: Date; id: string } | null,
  ): Promise<{ id: string; created_at: Date }[]> {
    return (await this.db.query(
      `SELECT id, created_at FROM message_attachment
        WHERE message_id IS NULL AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
        ORDER BY created_at, id LIMIT $1`,
      [limit, after?.at ?? null, after?.id ?? null],
    )) as { id: string; created_at: Date }[];
  }

  /** A sent file of a conversation (never one of an internal note for the patient). */
  async attachment(
    conversationId: string,
    attachmentId: string,
    withNotes: boolean,
    patientId?: string,
  ): Promise<AttachmentRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT f.id, f.patient_id, f.file_name, f.content_type, f.size_bytes, f.storage_key
         FROM message_attachment f JOIN message m ON m.id = f.message_id
        WHERE f.id = $1 AND m.conversation_id = $2 ${withNotes ? '' : `AND m.kind <> 'note'`}
          ${patientId ? 'AND f.patient_id = $3' : ''}`,
      patientId ? [attachmentId, conversationId, patientId] : [attachmentId, conversationId],
    )) as AttachmentRow[];
    return row;
  }

  async displayName(accountId: string): Promise<string> {
    const [row] = (await this.db.query(`SELECT display_name FROM account WHERE id = $1`, [
      accountId,
    ])) as { display_name: string }[];
    return row?.display_name ?? '';
  }

  /** Whether a session is still signed in and not idle (read only: a stream is not activity). */
  async sessionLive(idHash: Buffer, now: Date, idleSeconds: number): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id_hash = $1 AND s.ended_at IS NULL AND a.status = 'active'
          AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3)
          AND s.absolute_expires_at > $2`,
      [idHash, now, idleSeconds],
    )) as unknown[];
    return rows.length === 1;
  }

  // ---- Pools, routing, templates ----

  pools(): Promise<PoolRow[]> {
    return this.db.query(
      `SELECT id, name, department, location_id, active FROM care_pool ORDER BY lower(name), id LIMIT 500`,
    );
  }

  async pool(id: string): Promise<PoolRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT id, name, department, location_id, active FROM care_pool WHERE id = $1`,
      [id],
    )) as PoolRow[];
    return row;
  }

  async insertPool(manager: Queryable, row: PoolRow & { now: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO care_pool (id, name, department, location_id, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [row.id, row.name, row.department, row.location_id, row.active, row.now],
    );
  }

  async updatePool(manager: Queryable, row: PoolRow & { now: Date }): Promise<void> {
    await manager.query(
      `UPDATE care_pool SET name = $2, department = $3, location_id = $4, active = $5, updated_at = $6
        WHERE id = $1`,
      [row.id, row.name, row.department, row.location_id, row.active, row.now],
    );
  }

  routing(): Promise<RoutingRow[]> {
    return this.db.query(
      `SELECT mr.category, mr.answer_business_days, p.id AS pool_id, p.name AS pool_name,
              p.department AS pool_department, p.location_id AS pool_location_id, p.active AS pool_active
         FROM message_routing mr JOIN care_pool p ON p.id = mr.pool_id`,
    );
  }

  async setRouting(
    manager: Queryable,
    row: { category: MessageCategory; poolId: string; days: number; by: string; now: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO message_routing (category, pool_id, answer_business_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (category) DO UPDATE SET pool_id = EXCLUDED.pool_id,
         answer_business_days = EXCLUDED.answer_business_days, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [row.category, row.poolId, row.days, row.by, row.now],
    );
  }

  templates(activeOnly: boolean): Promise<TemplateRow[]> {
    return this.db.query(
      `SELECT id, name, body, active FROM reply_template ${activeOnly ? 'WHERE active' : ''}
        ORDER BY lower(name), id LIMIT 500`,
    );
  }

  async template(id: string): Promise<TemplateRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT id, name, body, active FROM reply_template WHERE id = $1`,
      [id],
    )) as TemplateRow[];
    return row;
  }

  async insertTemplate(manager: Queryable, row: TemplateRow & { by: string; now: Date }) {
    await manager.query(
      `INSERT INTO reply_template (id, name, body, active, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [row.id, row.name, row.body, row.active, row.by, row.now],
    );
  }

  async updateTemplate(manager: Queryable, row: TemplateRow & { by: string; now: Date }) {
    await manager.query(
      `UPDATE reply_template SET name = $2, body = $3, active = $4, updated_by = $5, updated_at = $6
        WHERE id = $1`,
      [row.id, row.name, row.body, row.active, row.by, row.now],
    );
  }

  // ---- The unread-reply email ----

  /** Marks the reply's email as recorded; false when an earlier run already did. */
  async setUnreadEmail(
    manager: Queryable,
    messageId: string,
    deliveryId: string,
  ): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE message SET unread_email_id = $2 WHERE id = $1 AND unread_email_id IS NULL RETURNING id`,
        [messageId, deliveryId],
      ),
    );
    return rows.length === 1;
  }

  /** What the "new message" email needs: whether the patient has read the reply, and where to write. */
  async unreadReplySubject(
    manager: Queryable,
    messageId: string,
  ): Promise<
    | {
        conversation_id: string;
        kind: MessageKind;
        read: boolean;
        email: string | null;
        unread_email_id: string | null;
      }
    | undefined
  > {
    const [row] = (await manager.query(
      `SELECT m.conversation_id, m.kind, pt.email, m.unread_email_id,
              EXISTS (SELECT 1 FROM conversation_read r JOIN account a ON a.id = r.account_id
                       WHERE r.conversation_id = c.id AND a.patient_id = c.patient_id
                         AND r.read_at >= m.sent_at) AS read
         FROM message m JOIN conversation c ON c.id = m.conversation_id
         JOIN patient pt ON pt.id = c.patient_id
        WHERE m.id = $1
        FOR UPDATE OF m`,
      [messageId],
    )) as {
      conversation_id: string;
      kind: MessageKind;
      read: boolean;
      email: string | null;
      unread_email_id: string | null;
    }[];
    return row;
  }
}

export type { Params };
