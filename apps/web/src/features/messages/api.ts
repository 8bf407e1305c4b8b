import { expectData, type JsonResponse } from '@portal/api-client';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import { $api, readsFrom, useFileDownload } from '../../lib/api-queries';
import { sessionQueryKey } from '../../lib/session';

/*
 * Messages read and send through $api directly. Kept here: what a send, a close or a live
 * event refreshes, the file upload (raw bytes, not JSON), the attachment download, and the
 * live event stream.
 */

export type MessageCategoryView = JsonResponse<'listMessageCategories', 200>['items'][number];
export type MessageCategory = MessageCategoryView['category'];
export type ConversationPage = JsonResponse<'listPatientConversations', 200>;
export type ConversationItem = ConversationPage['items'][number];
export type Conversation = JsonResponse<'getPatientConversation', 200>;
export type Message = JsonResponse<'replyToPatientConversation', 201>;
export type Attachment = Message['attachments'][number];
export type UploadedAttachment = JsonResponse<'uploadMessageAttachment', 201>;
export type AboutType = NonNullable<ConversationItem['about']>['type'];

/** Conversations per "page"; the API allows up to 100. */
export const CONVERSATIONS_PAGE_SIZE = 20;
/** Earlier messages per "page" (the conversation itself brings the newest 50). */
export const MESSAGES_PAGE_SIZE = 50;
/** The API's limits (messaging.rules.ts): the server still judges. */
export const MAX_BODY_CHARACTERS = 10_000;
export const MAX_SUBJECT_CHARACTERS = 200;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** What the picker offers; the API reads the type from the bytes and answers 415 otherwise. */
export const ATTACHMENT_ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.heic,application/pdf,image/jpeg,image/png,image/heic';

const CONVERSATIONS = '/api/v1/patients/{patientId}/conversations';
const CONVERSATION = '/api/v1/patients/{patientId}/conversations/{conversationId}';
const CONVERSATION_MESSAGES =
  '/api/v1/patients/{patientId}/conversations/{conversationId}/messages';
/** Home's count of conversations with an unopened reply. */
const MESSAGE_COUNTS = '/api/v1/patients/{patientId}/message-counts';

/** GET …/conversations/{conversationId} (getPatientConversation): opening it marks it read. */
export function conversationQuery(patientId: string, conversationId: string) {
  return $api.queryOptions('get', CONVERSATION, {
    params: { path: { patientId, conversationId } },
  });
}

/**
 * The conversation, read; the server marks it read on the way, so the lists already loaded
 * stop saying "New reply" for it at once (rather than when they are next fetched).
 */
export function useConversation(patientId: string, conversationId: string) {
  const queryClient = useQueryClient();
  const options = conversationQuery(patientId, conversationId);
  return useQuery({
    ...options,
    queryFn: async (context) => {
      const conversation = await options.queryFn(context);
      queryClient.setQueriesData<InfiniteData<ConversationPage>>(
        { predicate: readsFrom([CONVERSATIONS]) },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) =>
                item.id === conversationId && item.unread ? { ...item, unread: false } : item,
              ),
            })),
          },
      );
      void queryClient.invalidateQueries({ predicate: readsFrom([MESSAGE_COUNTS]) });
      return conversation;
    },
  });
}

/** The conversation lists and Home's count (read marks, order and status change with every message). */
function refreshLists(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: readsFrom([CONVERSATIONS, MESSAGE_COUNTS]) });
}

/** One conversation and its earlier messages. */
function refreshConversation(queryClient: QueryClient, conversationId: string): Promise<void> {
  const reads = readsFrom([CONVERSATION, CONVERSATION_MESSAGES]);
  return queryClient.invalidateQueries({
    predicate: (query) => {
      if (!reads(query)) return false;
      const init = query.queryKey[2] as { params?: { path?: { conversationId?: string } } };
      return init?.params?.path?.conversationId === conversationId;
    },
  });
}

/**
 * After a new conversation, a reply or a close: the conversation is read again (it now holds
 * the message, or says closed) and every list refreshed. Awaited, so the page shows the
 * stored state when it says it is done.
 */
export function useAfterMessageChange() {
  const queryClient = useQueryClient();
  return async (conversationId: string): Promise<void> => {
    await Promise.all([
      refreshConversation(queryClient, conversationId),
      refreshLists(queryClient),
    ]);
  };
}

/**
 * POST …/conversations/{conversationId}/close (closePatientConversation): 204, nothing to
 * read back, so through the client directly (the query hooks expect a body); then the
 * conversation and the lists are read again.
 */
export function useCloseConversation(patientId: string, conversationId: string) {
  const afterChange = useAfterMessageChange();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await api.POST('/api/v1/patients/{patientId}/conversations/{conversationId}/close', {
        params: { path: { patientId, conversationId } },
      });
      await afterChange(conversationId);
    },
  });
}

/**
 * POST …/message-attachments (uploadMessageAttachment): one file as its raw bytes, the name
 * percent-encoded in X-File-Name. 415 when the bytes are not a PDF, JPEG, PNG or HEIC file,
 * 413 over 10 MB.
 */
export async function uploadAttachment(
  patientId: string,
  file: File,
  signal?: AbortSignal,
): Promise<UploadedAttachment> {
  return expectData(
    await api.POST('/api/v1/patients/{patientId}/message-attachments', {
      params: {
        path: { patientId },
        header: { 'X-File-Name': encodeURIComponent(file.name) },
      },
      headers: { 'Content-Type': 'application/octet-stream' },
      // The bytes as they are: no JSON, no multipart.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      signal,
    }),
  );
}

/** GET …/attachments/{attachmentId} (downloadPatientMessageAttachment): saved, never opened. */
export function useDownloadAttachment(
  patientId: string,
  conversationId: string,
  attachment: Attachment,
) {
  return useFileDownload(
    () =>
      api.GET(
        '/api/v1/patients/{patientId}/conversations/{conversationId}/attachments/{attachmentId}',
        {
          params: { path: { patientId, conversationId, attachmentId: attachment.id } },
          parseAs: 'blob',
        },
      ),
    { name: attachment.fileName, type: attachment.contentType },
  );
}

/** What the event stream says: ids only; the page reads the rest again. */
export interface MessagingEvent {
  conversationId: string;
  messageId?: string;
}

function readEvent(data: unknown): MessagingEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as Partial<MessagingEvent>;
    return typeof parsed.conversationId === 'string' ? (parsed as MessagingEvent) : null;
  } catch {
    return null;
  }
}

/**
 * GET …/message-events (streamPatientMessageEvents), open while the page is: on a `message`
 * or `conversation` event the lists and that conversation are read again, and `onEvent`
 * hears of it. The browser sends the session cookie (same origin) and reconnects by itself
 * after a drop (everything is read again then); `session-ended` closes the stream for good
 * and checks the session, which sends the patient to sign in.
 */
export function useMessageEvents(patientId: string, onEvent?: (event: MessagingEvent) => void) {
  const queryClient = useQueryClient();
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(
      `/api/v1/patients/${encodeURIComponent(patientId)}/message-events`,
      { withCredentials: true },
    );
    const refresh = (event: Event) => {
      const data = readEvent((event as globalThis.MessageEvent).data);
      if (!data) return;
      void refreshLists(queryClient);
      void refreshConversation(queryClient, data.conversationId);
      listener.current?.(data);
    };
    // `ready` comes on every (re)connection; after a drop, events may have been missed.
    let connections = 0;
    const ready = () => {
      connections += 1;
      if (connections > 1) {
        void queryClient.invalidateQueries({
          predicate: readsFrom([
            CONVERSATIONS,
            MESSAGE_COUNTS,
            CONVERSATION,
            CONVERSATION_MESSAGES,
          ]),
        });
      }
    };
    // Signed out or idle: the stream stops for good, and the session check says so.
    const end = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    };
    const events: [string, (event: Event) => void][] = [
      ['message', refresh],
      ['conversation', refresh],
      ['ready', ready],
      ['session-ended', end],
    ];
    for (const [type, handler] of events) source.addEventListener(type, handler);
    return () => {
      for (const [type, handler] of events) source.removeEventListener(type, handler);
      source.close();
    };
  }, [patientId, queryClient]);
}
