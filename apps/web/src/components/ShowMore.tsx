import { Alert, Button } from '@portal/ui';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GroupWith } from './QueryState';

/** What ShowMore reads of an infinite query. */
export interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
}

export interface ShowMoreProps {
  list: MorePages;
  /** The message group with `showMore`, `loadingMore` and `moreFailed`. */
  copy: GroupWith<'showMore'>;
  onShowMore: () => unknown;
}

/** Below a paged list: why the last page did not come, and "Show more" while there is more. */
export function ShowMore({ list, copy, onShowMore }: ShowMoreProps) {
  const { t } = useTranslation();
  const key = (leaf: 'showMore' | 'loadingMore' | 'moreFailed') => `${copy}.${leaf}` as ParseKeys;
  return (
    <>
      {list.isFetchNextPageError ? <Alert tone="error">{t(key('moreFailed'))}</Alert> : null}
      {list.hasNextPage ? (
        <p>
          <Button
            variant="secondary"
            busy={list.isFetchingNextPage}
            onClick={() => void onShowMore()}
          >
            {list.isFetchingNextPage ? t(key('loadingMore')) : t(key('showMore'))}
          </Button>
        </p>
      ) : null}
    </>
  );
}
