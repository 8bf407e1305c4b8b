import type { JsonResponse } from '@portal/api-client';
import { nextId, problemFactory } from './factories';

/*
 * Secure messaging answers both apps' tests build from: each a plausible answer of the API,
 * typed by its OpenAPI document, with what a test cares about given as overrides.
 */

type MessageCategoryView = JsonResponse<'listMessageCategories', 200>['items'][number];
type MessageCategory = MessageCategoryView['category'];
type PatientConversationItem = JsonResponse<'listPatientConversations', 200>['items'][number];
type PatientConversationView = JsonResponse<'getPatientConversation', 200>;
type MessageView = JsonResponse<'replyToPatientConversation', 201>;
type AttachmentView = MessageView['attachments'][number];
type UploadedAttachmentView = JsonResponse<'uploadMessageAttachment', 201>;

const HOUR = 3_600_000;

const CATEGORY_LABELS: Record<MessageCategory, string> = {
  'medical-question': 'Medical question',
  appointment: 'Appointment',
  prescription: 'Prescription',
  billing: 'Billing',
  'test-result': 'Test result',
  other: 'Something else',
};

const CARE_TEAMS: Record<MessageCategory, string> = {
  'medical-question': 'Main Street nurses',
  appointment: 'Appointment desk',
  prescription: 'Main Street nurses',
  billing: 'Billing office',
  'test-result': 'Main Street nurses',
  other: 'Front desk',
};

/** One category as listMessageCategories answers it: set up, answered within 2 business days. */
export function messageCategoryFactory(
  category: MessageCategory,
  overrides: Partial<MessageCategoryView> = {},
): MessageCategoryView {
  const days =
    overrides.answerWithinBusinessDays === undefined ? 2 : overrides.answerWithinBusinessDays;
  return {
    category,
    label: CATEGORY_LABELS[category],
    available: true,
    careTeam: CARE_TEAMS[category],
    answerWithinBusinessDays: days,
    answerTimeText:
      days === null ? null : `Usually answers within ${days} business day${days === 1 ? '' : 's'}`,
    ...overrides,
  };
}

/** The six categories, every one set up (billing answered within 3 business days). */
export function messageCategoriesFactory(): { items: MessageCategoryView[] } {
  return {
    items: (Object.keys(CATEGORY_LABELS) as MessageCategory[]).map((category) =>
      messageCategoryFactory(
        category,
        category === 'billing' ? { answerWithinBusinessDays: 3 } : {},
      ),
    ),
  };
}

/** A file as a message lists it: a one-page PDF. */
export function messageAttachmentFactory(overrides: Partial<AttachmentView> = {}): AttachmentView {
  return {
    id: nextId(),
    fileName: 'insurance-card.pdf',
    contentType: 'application/pdf',
    sizeBytes: 48_213,
    ...overrides,
  };
}

/** What uploadMessageAttachment answers for a file it kept. */
export function uploadedAttachmentFactory(
  overrides: Partial<UploadedAttachmentView> = {},
): UploadedAttachmentView {
  return {
    ...messageAttachmentFactory(),
    uploadedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** One message the patient sent an hour ago, unless given. */
export function messageFactory(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: nextId(),
    clientMessageId: nextId(),
    kind: 'patient',
    authorName: 'Ana Silva',
    body: 'Could you tell me when my next blood test should be?',
    sentAt: new Date(Date.now() - HOUR).toISOString(),
    attachments: [],
    ...overrides,
  };
}

/** One conversation as the patient's list shows it: open, a medical question, read. */
export function patientConversationItemFactory(
  overrides: Partial<PatientConversationItem> = {},
): PatientConversationItem {
  const createdAt = overrides.createdAt ?? new Date(Date.now() - 2 * HOUR).toISOString();
  return {
    id: nextId(),
    category: 'medical-question',
    subject: 'Question about my blood test',
    status: 'open',
    about: null,
    careTeam: CARE_TEAMS[overrides.category ?? 'medical-question'],
    createdAt,
    lastMessageAt: createdAt,
    unread: false,
    ...overrides,
  };
}

/**
 * One conversation with its messages (given oldest first, answered newest first as the API
 * does); the newest message's time is the conversation's last activity.
 */
export function patientConversationFactory(
  overrides: Partial<PatientConversationItem> = {},
  messagesOldestFirst: MessageView[] = [messageFactory()],
  nextCursor: string | null = null,
): PatientConversationView {
  const newest = messagesOldestFirst.at(-1);
  const oldest = messagesOldestFirst[0];
  return {
    ...patientConversationItemFactory({
      ...(oldest ? { createdAt: oldest.sentAt } : {}),
      ...(newest ? { lastMessageAt: newest.sentAt } : {}),
      ...overrides,
    }),
    messages: { items: [...messagesOldestFirst].reverse(), nextCursor },
  };
}

/** The conversation's list entry. */
export function conversationItemOf(conversation: PatientConversationView): PatientConversationItem {
  const { messages: _messages, ...item } = conversation;
  return item;
}

/** The problems the messaging routes answer with; codes and words mirror the API. */
export const messagingProblems = {
  unsupportedAttachment: () =>
    problemFactory({
      status: 415,
      code: 'unsupported_attachment_type',
      title: 'This kind of file cannot be attached',
      detail:
        'Attach a PDF, JPEG, PNG or HEIC file (application/pdf, image/jpeg, image/png, image/heic). The type is read from the file’s contents, not its name.',
    }),
  notSetUp: () =>
    problemFactory({
      status: 422,
      code: 'messaging_not_set_up',
      title: 'This kind of message cannot be sent yet',
      detail:
        'The clinic has not chosen who answers this kind of message. Call the clinic, or choose another kind.',
    }),
};
