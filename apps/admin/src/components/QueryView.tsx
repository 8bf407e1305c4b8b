import { LoadingState, Skeleton } from '@portal/ui';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert';

/** What a list or detail view reads of a query (react-query's result has all of it). */
export interface ViewedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

export interface QueryViewProps<T> {
  query: ViewedQuery<T>;
  /** Said to screen readers while it loads. */
  loadingLabel: string;
  /** Heights of the placeholders while it loads. */
  skeletons?: readonly string[];
  /** Shown in place of the content when there is nothing to show. */
  empty?: ReactNode;
  /** When the data counts as nothing; by default an empty array. */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

const TWO_ROWS = ['2.5rem', '2.5rem'];

function emptyArray(data: unknown): boolean {
  return Array.isArray(data) && data.length === 0;
}

/** The four states of a read: loading, failed (with Try again), nothing there, or the content. */
export function QueryView<T>({
  query,
  loadingLabel,
  skeletons = TWO_ROWS,
  empty,
  isEmpty = emptyArray,
  children,
}: QueryViewProps<T>) {
  if (query.isPending) {
    return (
      <LoadingState label={loadingLabel}>
        {skeletons.map((height, index) => (
          <Skeleton key={index} height={height} />
        ))}
      </LoadingState>
    );
  }
  if (query.isError || query.data === undefined) {
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (empty !== undefined && isEmpty(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
