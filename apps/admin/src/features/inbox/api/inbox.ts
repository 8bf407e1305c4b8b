import { expectData, type components, type JsonResponse } from '@portal/api-client';
import { useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, invalidatePaths, pagedQueryOptions } from '../../../lib/api';
import { sessionQueryKey } from '../../../lib/session';

export type InboxView = components['schemas']['InboxView'];
export type MessageCategory = components['schemas']['MessageCategory'];
export type InboxItem = JsonResponse<'listInboxConversations', 200>['items'][number];
export type Conversation = JsonResponse<'getConversation', 200>;
export type Message = Conversation['messages']['items'][number];
export type Attachment = Message['attachments'][number];
export type InboxCounts = JsonResponse<'getInboxCounts', 200>;
export type CarePool = JsonResponse<'listCarePools', 200>['items'][number];
export type BulkResult = JsonResponse<'assignConversations', 200>;

/** The inbox's views, in the order the page shows them. */
export const INBOX_VIEWS = [
  'unassigned',
  'mine',
  'open',
  'waiting',
  'closed',
] as const satisfies readonly InboxView[];
export const DEFAULT_VIEW: InboxView = 'unassigned';

export const MESSAGE_CATEGORIES = [
  'medical-question',
  'appointment',
  'prescription',
  'billing',
  'test-result',
  'other',
] as const satisfies readonly MessageCategory[];

/** "Waiting at least…" choices, in hours. */
export const WAITING_HOURS = [4, 24, 48, 168] as const;

/** The longest message the API takes. */
export const MAX_BODY = 10_000;
export const INBOX_PAGE_SIZE = 25;
/** Earlier messages come in pages of this size. */
const MESSAGES_PAGE_SIZE = 50;

export const LIST = '/api/v1/inbox/conversations';
export const COUNTS = '/api/v1/inbox/counts';
export const CONVERSATION = '/api/v1/conversations/{conversationId}';
export const MESSAGES = '/api/v1/conversations/{conversationId}/messages';
export const TEMPLATES = '/api/v1/conversations/{conversationId}/reply-templates';
export const POOLS = '/api/v1/care-pools';
const EVENTS = '/api/v1/inbox/events';

export interface InboxFilters {
  view: InboxView;
  poolId?: string;
  category?: MessageCategory;
  waitingAtLeastHours?: number;
}

/** One view of the inbox, newest activity first; a queue, so it asks again on every visit. */
export function inboxQueryOptions(filters: InboxFilters) {
  return {
    ...pagedQueryOptions(LIST, { query: { ...filters, limit: INBOX_PAGE_SIZE } }),
    refetchOnMount: 'always' as const,
  };
}

/** The download address of a file of a conversation (same origin: the session cookie goes). */
export function attachmentUrl(conversationId: string, attachmentId: string): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

function conversationKey(path: typeof CONVERSATION | typeof MESSAGES, conversationId: string) {
  return ['get', path, { params: { path: { conversationId } } }] as const;
}

/** What changes when a conversation does: the lists and counts, and that conversation. */
export async function refreshConversations(
  queryClient: QueryClient,
  conversationIds: readonly string[] = [],
) {
  await Promise.all([
    invalidatePaths(queryClient, LIST, COUNTS),
    ...conversationIds.flatMap((conversationId) => [
      queryClient.invalidateQueries({ queryKey: conversationKey(CONVERSATION, conversationId) }),
      queryClient.invalidateQueries({ queryKey: conversationKey(MESSAGES, conversationId) }),
    ]),
  ]);
}

/** Assign, close, reopen: the answer names the conversations changed. */
export function useBulkChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (result: BulkResult) => refreshConversations(queryClient, result.changed),
  };
}

/** A reply, a note or a move of one conversation. */
export function useConversationChange(conversationId: string) {
  const queryClient = useQueryClient();
  return { onSuccess: () => refreshConversations(queryClient, [conversationId]) };
}

/**
 * Live refresh: the inbox's event stream says which conversation changed (ids only) and the
 * lists, counts and that conversation are read again. A signed-out session ends the stream;
 * it is closed then, so the browser does not reconnect and keep asking.
 */
export function useInboxEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(EVENTS, { withCredentials: true });
    const changed = (event: Event) => {
      let ids: string[] = [];
      try {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        const id = (data as { conversationId?: unknown } | null)?.conversationId;
        if (typeof id === 'string') ids = [id];
      } catch {
        // Ids only: without one, the lists are read again all the same.
      }
      void refreshConversations(queryClient, ids);
    };
    const ended = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    };
    source.addEventListener('message', changed);
    source.addEventListener('conversation', changed);
    source.addEventListener('session-ended', ended);
    return () => source.close();
  }, [queryClient]);
}

/**
 * Messages older than the conversation's first page, fetched only once asked for (`enabled`),
 * then a page more on each fetchNextPage. Newest first, like the first page.
 */
export function useEarlierMessages(
  conversationId: string,
  firstCursor: string | null | undefined,
  enabled: boolean,
) {
  return useInfiniteQuery({
    queryKey: [...conversationKey(MESSAGES, conversationId), 'earlier', firstCursor] as const,
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET(MESSAGES, {
          params: {
            path: { conversationId },
            query: { cursor: pageParam, limit: MESSAGES_PAGE_SIZE },
          },
          signal,
        }),
      ),
    initialPageParam: firstCursor ?? undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: enabled && Boolean(firstCursor),
  });
}
