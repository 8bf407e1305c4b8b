import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { AppNav } from './AppNav';
import { Frame } from './Frame';

export interface ShellSkeletonProps {
  /**
   * Hold the signed-in frame's places (the menu, who is signed in and the sign-out button),
   * so nothing moves down when the session arrives. Off for the pages seen before sign-in.
   */
  signedIn?: boolean;
}

/** Same frame as the page that is loading, so nothing shifts when it arrives. */
export function ShellSkeleton({ signedIn = true }: ShellSkeletonProps) {
  const { t } = useTranslation();
  return (
    <Frame
      linkHome={signedIn}
      account={
        signedIn ? (
          <span className="app-user__placeholder" aria-hidden="true">
            <Skeleton className="app-skeleton-text" width="12rem" />
            <Skeleton className="app-skeleton-text" width="6rem" height="var(--touch-target)" />
          </span>
        ) : null
      }
      nav={signedIn ? <AppNav /> : null}
    >
      <LoadingState label={t('app.loading')}>
        <Skeleton width="60%" height="2rem" />
        <Skeleton />
        <Skeleton width="85%" />
        <Skeleton width="70%" />
      </LoadingState>
    </Frame>
  );
}
