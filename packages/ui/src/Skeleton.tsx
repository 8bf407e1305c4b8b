import type { CSSProperties, ReactNode } from 'react';
import { VisuallyHidden } from './VisuallyHidden';

export interface SkeletonProps {
  /** CSS width, e.g. '60%' or '12rem'. */
  width?: CSSProperties['width'];
  /** CSS height; defaults to one line of text. */
  height?: CSSProperties['height'];
  className?: string;
}

/** A grey placeholder that holds the space content will take, so nothing jumps on load. */
export function Skeleton({ width = '100%', height = '1em', className }: SkeletonProps) {
  return (
    <span
      className={['ui-skeleton', className].filter(Boolean).join(' ')}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}

export interface LoadingStateProps {
  /** Read by screen readers instead of the skeletons, e.g. "Loading your account". */
  label: string;
  children: ReactNode;
}

/** Skeletons for sighted users, one short status message for everyone else. */
export function LoadingState({ label, children }: LoadingStateProps) {
  return (
    <div className="ui-loading" role="status" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      {children}
    </div>
  );
}
