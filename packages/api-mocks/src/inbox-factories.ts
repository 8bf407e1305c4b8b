import type { JsonResponse } from '@portal/api-client';
import { nextId } from './factories';

/*
 * The care-team inbox's shapes (conversations, messages, counts, pools, reply templates),
 * typed by the OpenAPI document, with what a test is about given as overrides. The answers
 * themselves are stated by each test; visibility of notes and pools is the API's rule.
 */

export type MockInboxConversation = JsonResponse<'listInboxConversations', 200>['items'][number];
export type MockStaffConversation = JsonResponse<'getConversation', 200>;
export type MockMessage = MockStaffConversation['messages']['items'][number];
export type MockInboxCounts = JsonResponse<'getInboxCounts', 200>;
export type MockInboxView = MockInboxCounts['views'][number]['view'];
export type MockFilledTemplate = JsonResponse<'listFilledReplyTemplates', 200>['items'][number];

const HOUR = 3_600_000;

/**
 * An open, unassigned medical question the patient sent two hours ago, due in a day (times
 * relative to now, so the clock reads the same whenever the test runs).
 */
export function inboxConversationFactory(
  overrides: Partial<MockInboxConversation> = {},
): MockInboxConversation {
  const now = Date.now();
  const sent = new Date(now - 2 * HOUR).toISOString();
  return {
    id: nextId(),
    patient: { id: nextId(), name: 'Alex Rivera', mrn: 'M00100001' },
    category: 'medical-question',
    subject: 'Question about my blood pressure',
    status: 'open',
    about: null,
    pool: { id: nextId(), name: 'Nurse line' },
    assignee: null,
    createdAt: sent,
    lastActivityAt: sent,
    awaitingSince: sent,
    replyDueAt: new Date(now + 22 * HOUR).toISOString(),
    overdue: false,
    unread: true,
    ...overrides,
  };
}

/** A message as staff read it: from the patient, sent two hours ago, with no files. */
export function staffMessageFactory(overrides: Partial<MockMessage> = {}): MockMessage {
  return {
    id: nextId(),
    clientMessageId: nextId(),
    kind: 'patient',
    authorName: 'Alex Rivera',
    body: 'My readings have been high this week. Should I change my dose?',
    sentAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    attachments: [],
    ...overrides,
  };
}

/** A conversation as one staff member opens it; messages newest first, as the API lists them. */
export function staffConversationFactory(
  overrides: Partial<MockInboxConversation> = {},
  messages: MockMessage[] = [staffMessageFactory()],
): MockStaffConversation {
  return {
    ...inboxConversationFactory(overrides),
    messages: { items: messages, nextCursor: null },
  };
}

/** Counts of the five views; unread 0 unless given. */
export function inboxCountsFactory(
  totals: Partial<Record<MockInboxView, number | { total: number; unread: number }>> = {},
): MockInboxCounts {
  const views: MockInboxView[] = ['unassigned', 'mine', 'open', 'waiting', 'closed'];
  return {
    views: views.map((view) => {
      const value = totals[view] ?? 0;
      return typeof value === 'number'
        ? { view, total: value, unread: 0 }
        : { view, total: value.total, unread: value.unread };
    }),
  };
}

/** A reply template already filled in for the conversation. */
export function filledTemplateFactory(
  overrides: Partial<MockFilledTemplate> = {},
): MockFilledTemplate {
  return {
    id: nextId(),
    name: 'We received your message',
    text: 'Hello Alex, thank you for your message. A nurse will call you today. Sam Okafor',
    ...overrides,
  };
}
