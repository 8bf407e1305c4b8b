import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Frame } from './Frame';

/** Same frame as the signed-in pages, so nothing shifts when the session arrives. */
export function ShellSkeleton() {
  const { t } = useTranslation();
  return (
    <Frame>
      <LoadingState label={t('app.loading')}>
        <Skeleton width="60%" height="2rem" />
        <Skeleton />
        <Skeleton width="85%" />
        <Skeleton width="70%" />
      </LoadingState>
    </Frame>
  );
}
