import { expectData, type ApiClient } from '@portal/api-client';
import { saveFile } from '@portal/auth-ui';
import { useMutation, type Query } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { api } from './api';

/*
 * The app's data access: TanStack Query hooks typed by the OpenAPI `paths`, over the one API
 * client (so every call keeps its cookie, CSRF token, ApiError for problem+json, and activity
 * tracking). Features call `$api.useQuery('get', '/api/v1/…', { params })` and
 * `$api.useMutation('post', '/api/v1/…')` directly; each feature's api.ts holds only its
 * invalidation rules and what genuinely needs composing.
 *
 * A query's key is `[method, path, init]` (the path as the document writes it, `{patientId}`
 * and all), so `$api.queryOptions(…).queryKey` is the key a page uses, and `readsFrom` picks out
 * everything read from some paths, whatever their parameters, for a feature to refresh.
 */

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
const METHODS: readonly Method[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

/**
 * The client as the hooks see it: an answer with no body is an error (the API broke its own
 * contract), said as the same ApiError the rest of the app handles.
 */
const strictClient = {
  ...api,
  ...Object.fromEntries(
    METHODS.map((method) => [
      method,
      async (path: string, init?: object) => {
        const send = api[method] as (
          path: string,
          init?: object,
        ) => Promise<{ data?: unknown; response: Response }>;
        const result = await send(path, init);
        expectData(result);
        return result;
      },
    ]),
  ),
} as ApiClient;

export const $api = createQueryHooks(strictClient);

/** Every cached answer read from one of these paths (whatever its parameters). */
export function readsFrom(paths: readonly string[]) {
  return (query: Query): boolean => paths.includes(query.queryKey[1] as string);
}

/** Cursor paging for `$api.useInfiniteQuery`: the API's `nextCursor`, none at first. */
export const cursorPages = {
  initialPageParam: null as string | null,
  getNextPageParam: (page: { nextCursor?: string | null }) => page.nextCursor ?? undefined,
};

/**
 * A file the API sends (a PDF, a calendar entry), fetched through the client rather than
 * opened as a link, so a failure is said in words on the page instead of downloading an error
 * document.
 */
export function useFileDownload(
  fetchFile: () => Promise<{ data?: unknown }>,
  file: { name: string; type: string },
) {
  return useMutation({
    mutationFn: async (): Promise<void> => {
      const { data } = await fetchFile();
      if (!data) {
        throw new Error('The file was empty');
      }
      saveFile(new Blob([data as Blob], { type: file.type }), file.name);
    },
  });
}
