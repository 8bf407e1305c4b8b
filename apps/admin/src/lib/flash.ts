import { useLocation } from 'react-router';

/**
 * A one-time confirmation carried to the next page in history state (never in the URL), e.g.
 * "Patient registered" after the form navigates to the new record.
 */
export interface FlashState {
  flash?: string;
}

export function flashState(message: string): FlashState {
  return { flash: message };
}

/** The confirmation the previous page left for this one, if any. */
export function useFlash(): string | undefined {
  const { state } = useLocation();
  const flash: unknown =
    typeof state === 'object' && state !== null ? (state as FlashState).flash : undefined;
  return typeof flash === 'string' ? flash : undefined;
}
