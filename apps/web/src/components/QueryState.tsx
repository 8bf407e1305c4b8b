import { isApiError } from '@portal/api-client';
import { LoadingState, Skeleton, type SkeletonProps } from '@portal/ui';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from './LoadFailed';

/** The message groups (the key less its last part) that have a `<leaf>` message. */
export type GroupWith<Leaf extends string, Key = ParseKeys> = Key extends `${infer Group}.${Leaf}`
  ? Group
  : never;

/** What QueryState reads of a TanStack query (plain or infinite). */
export interface PendingQuery<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  refetch: () => unknown;
}

export interface QueryPendingProps {
  query: Omit<PendingQuery<unknown>, 'data'>;
  /**
   * The message group the words come from: `<copy>.loading` while loading, and
   * `<copy>.loadFailedTitle` with `<copy>.loadFailed` (or `<failedCopy>.loadFailed`) on failure.
   */
  copy: GroupWith<'loadFailedTitle'>;
  failedCopy?: GroupWith<'loadFailed'>;
  /** Overrides `<copy>.loading`, for a group that names its loading message elsewhere. */
  loadingLabel?: string;
  /** The placeholders that hold the space the content will take. */
  skeletons: readonly SkeletonProps[];
  /** With a 404, `<copy>.notFound` in a paragraph instead of the failure (single items). */
  notFoundText?: boolean;
}

export interface QueryStateProps<T> extends QueryPendingProps {
  query: PendingQuery<T>;
  children: (data: T) => ReactNode;
}

/** Several queries a page waits for, as one: failed when any failed; a retry retries all. */
export function allOf(...queries: Omit<PendingQuery<unknown>, 'data'>[]) {
  return {
    error: queries.find((query) => query.isError)?.error,
    isError: queries.some((query) => query.isError),
    refetch: () => queries.forEach((query) => void query.refetch()),
  };
}

/** True when the query failed because the thing asked for is not there. */
export function isNotFound(query: { error: unknown }): boolean {
  return isApiError(query.error) && query.error.status === 404;
}

/** A query not loaded yet: the failure with a retry (or "not found"), else skeletons. */
export function QueryPending({
  query,
  copy,
  failedCopy = copy as GroupWith<'loadFailed'>,
  loadingLabel,
  skeletons,
  notFoundText = false,
}: QueryPendingProps) {
  const { t } = useTranslation();
  if (notFoundText && isNotFound(query)) return <p>{t(`${copy}.notFound` as ParseKeys)}</p>;
  if (query.isError) {
    return (
      <LoadFailed
        title={t(`${copy}.loadFailedTitle`)}
        body={t(`${failedCopy}.loadFailed`)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return (
    <LoadingState label={loadingLabel ?? t(`${copy}.loading` as ParseKeys)}>
      {skeletons.map((skeleton, index) => (
        <Skeleton key={index} {...skeleton} />
      ))}
    </LoadingState>
  );
}

/** One query's states as every page shows them: its content once loaded, else QueryPending. */
export function QueryState<T>({ query, children, ...pending }: QueryStateProps<T>) {
  return query.data === undefined ? (
    <QueryPending query={query} {...pending} />
  ) : (
    <>{children(query.data)}</>
  );
}
