import { createApiClient, expectData, type paths } from '@portal/api-client';
import { recordActivity } from '@portal/auth-ui';
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';

/** The one API client for this app; the API serves the SPA, so calls stay same-origin. */
export const api = createApiClient();

/** Sign-in, sign-out, emailed-link and registration calls: none of them keeps a session going. */
const PUBLIC_AUTH = /^\/api\/v1\/(?:auth\/(?!session$)|registration\/)/;

// Every successful signed-in call counts as activity on the server (it moves the idle limit),
// so the idle timer hears about each one.
api.use({
  onResponse({ response, schemaPath }) {
    if (response.ok && !PUBLIC_AUTH.test(schemaPath)) {
      recordActivity();
    }
    return undefined;
  },
});

/**
 * Typed query and mutation hooks for every operation of the OpenAPI document, over the client
 * above (so CSRF, problem+json errors as ApiError and the activity timer apply to them all).
 * Query keys are `['get', path, init]`: a feature invalidates a whole endpoint by `pathKey`.
 */
export const $api = createQueryHooks(api);

/** Paths that answer GET. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: object } ? P : never;
}[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer O } ? O : never;
type GetParams<P extends GetPath> =
  GetOperation<P> extends { parameters: infer Params } ? Params : never;
/** The 200 body of a GET. */
export type GetData<P extends GetPath> =
  GetOperation<P> extends {
    responses: { 200: { content: { 'application/json': infer Body } } };
  }
    ? Body
    : never;
type QueryOf<P extends GetPath> = GetParams<P> extends { query?: infer Q } ? NonNullable<Q> : never;
/** The parameters of a paged GET, less the cursor the pager sets. */
export type PagedParams<P extends GetPath> = Omit<GetParams<P>, 'query'> & {
  query?: Omit<QueryOf<P>, 'cursor'>;
};

interface CursorPage<T = unknown> {
  items: T[];
  nextCursor?: string | null;
}

type LooseGet = (
  path: string,
  init: { params?: object; signal?: AbortSignal },
) => Promise<{ data?: unknown; response: Response }>;
const get = api.GET as unknown as LooseGet;

/** The key prefix of every cached answer of one GET path (for invalidation). */
export function pathKey<P extends GetPath>(path: P): readonly ['get', P] {
  return ['get', path];
}

/** Invalidates every cached answer of these GET paths, whatever their parameters. */
export async function invalidatePaths(queryClient: QueryClient, ...paths: GetPath[]) {
  await Promise.all(
    paths.map((path) => queryClient.invalidateQueries({ queryKey: pathKey(path) })),
  );
}

function withCursor(params: object | undefined, cursor: string | undefined) {
  const base = (params ?? {}) as { query?: object };
  return { ...base, query: { ...base.query, cursor } };
}

/**
 * A cursor-paged list (`{ items, nextCursor }`) as an infinite query, one page per
 * `fetchNextPage`. Its key starts like `$api`'s, so `pathKey` invalidates it too.
 */
export function pagedQueryOptions<P extends GetPath>(path: P, params?: PagedParams<P>) {
  return infiniteQueryOptions({
    queryKey: ['get', path, { params }, 'pages'] as const,
    queryFn: async ({ pageParam, signal }) =>
      expectData(await get(path, { params: withCursor(params, pageParam), signal })) as GetData<P>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: GetData<P>) => (page as CursorPage).nextCursor ?? undefined,
  });
}

/** Clinics have a few dozen locations, providers and visit types: such lists load whole. */
const MAX_PAGES = 20;

/** A short cursor-paged list read whole (following nextCursor), for selects and lookups. */
export function allPagesQueryOptions<P extends GetPath>(path: P, params?: PagedParams<P>) {
  type Item = GetData<P> extends CursorPage<infer T> ? T : never;
  return queryOptions({
    queryKey: ['get', path, { params }, 'all'] as const,
    queryFn: async ({ signal }) => {
      const items: Item[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = expectData(
          await get(path, { params: withCursor(params, cursor), signal }),
        ) as CursorPage<Item>;
        items.push(...result.items);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return items;
    },
  });
}
