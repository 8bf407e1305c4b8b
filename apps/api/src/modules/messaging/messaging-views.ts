import { pageOf } from '../../common/pager.js';
import type {
  InboxConversationItem,
  MessagePage,
  MessageView,
  PatientConversationItem,
} from './messaging.dto.js';
import type { ConversationRow, MessageRow } from './messaging.repository.js';

export function patientName(
  row: Pick<ConversationRow, 'given_name' | 'preferred_name' | 'family_name'>,
) {
  return `${row.preferred_name ?? row.given_name} ${row.family_name}`;
}

function about(row: ConversationRow) {
  return row.about_type && row.about_id ? { type: row.about_type, id: row.about_id } : null;
}

export function patientItem(row: ConversationRow): PatientConversationItem {
  return {
    id: row.id,
    category: row.category,
    subject: row.subject,
    status: row.status,
    about: about(row),
    careTeam: row.pool_name,
    createdAt: row.created_at.toISOString(),
    lastMessageAt: row.last_visible_at.toISOString(),
    unread: row.unread,
  };
}

export function inboxItem(row: ConversationRow, now: Date): InboxConversationItem {
  return {
    id: row.id,
    patient: { id: row.patient_id, name: patientName(row), mrn: row.mrn },
    category: row.category,
    subject: row.subject,
    status: row.status,
    about: about(row),
    pool: { id: row.pool_id, name: row.pool_name },
    assignee:
      row.assigned_to && row.assignee_name
        ? { id: row.assigned_to, name: row.assignee_name }
        : null,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    awaitingSince: row.awaiting_since?.toISOString() ?? null,
    replyDueAt: row.reply_due_at?.toISOString() ?? null,
    overdue: row.reply_due_at !== null && row.reply_due_at < now,
    unread: row.unread,
  };
}

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    clientMessageId: row.client_message_id,
    kind: row.kind,
    authorName: row.author_name,
    body: row.body,
    sentAt: row.sent_at.toISOString(),
    attachments: row.attachments.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      contentType: file.content_type,
      sizeBytes: file.size_bytes,
    })),
  };
}

export function messagePage(rows: MessageRow[], limit: number): MessagePage {
  const page = pageOf(rows, limit, (row) => [row.sort_key, row.id]);
  return { items: page.items.map(messageView), nextCursor: page.nextCursor };
}

export function conversationPage<View>(
  rows: ConversationRow[],
  limit: number,
  view: (row: ConversationRow) => View,
): { items: View[]; nextCursor: string | null } {
  const page = pageOf(rows, limit, (row) => [row.sort_key, row.id]);
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
