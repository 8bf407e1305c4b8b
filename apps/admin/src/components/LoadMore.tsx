import { Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert';
import './sections.css';

export interface LoadMoreProps {
  /** Rows on screen now. */
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Loading the next page failed: said beside the button, the rows already shown stay. */
  error?: unknown;
}

/**
 * Cursor pagination: how many rows are on screen (announced when it changes) and a button for
 * the next page. Focus stays on the button, so the next page is one more Enter away.
 */
export function LoadMore({ shown, hasMore, loading, onLoadMore, error }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <>
      {error ? <ApiErrorAlert error={error} /> : null}
      <div className="admin-list-footer">
        <p role="status" className="admin-muted">
          {hasMore
            ? t('sections.list.showingMore', { count: shown })
            : t('sections.list.showingAll', { count: shown })}
        </p>
        {hasMore ? (
          <Button variant="secondary" busy={loading} onClick={onLoadMore}>
            {loading ? t('sections.list.loadingMore') : t('sections.list.loadMore')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

/** What LoadMore reads from an infinite query. */
export interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

export interface QueryLoadMoreProps {
  list: PagedList;
  shown: number;
  /** Leaves the footer out once every row is on screen. */
  onlyWithMore?: boolean;
}

/** LoadMore driven by an infinite query. */
export function QueryLoadMore({ list, shown, onlyWithMore = false }: QueryLoadMoreProps) {
  if (onlyWithMore && !list.hasNextPage) return null;
  return (
    <LoadMore
      shown={shown}
      hasMore={list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
      error={list.isFetchNextPageError ? list.error : undefined}
    />
  );
}
