import type { EmailCodeSent, IdentityVerified } from '../api';

/**
 * Where a registration has got to, kept in this tab only (sessionStorage), so a reload, or a
 * phone that dropped the page while the patient read the emailed code in another app, picks
 * up at the same step without the token going back into the address bar. It holds what the
 * page already held in memory (the link's token, the emailed code's notice, the identity
 * ticket), is never sent anywhere but the API, and is dropped when the registration ends
 * (done or stopped), when the tab closes, and after an hour.
 */
export interface SavedProgress {
  token: string;
  savedAt: number;
  /** The code sent to the email address on file, and how many were sent. */
  emailCode?: { info: EmailCodeSent; count: number };
  /** Step 2: the identity was confirmed (the ticket works until its expiresAt). */
  verified?: IdentityVerified;
}

const KEY = 'portal.registration';
const LIFETIME_MS = 60 * 60_000;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): the page works as before, in memory only.
    return null;
  }
}

/** The progress saved for this token, or none (a new link starts afresh). */
export function loadProgress(token: string | null): SavedProgress | null {
  const text = storage()?.getItem(KEY);
  if (!text) return token ? { token, savedAt: Date.now() } : null;
  try {
    const saved = JSON.parse(text) as SavedProgress;
    const fresh = typeof saved.token === 'string' && Date.now() - saved.savedAt < LIFETIME_MS;
    if (fresh && (token === null || token === saved.token)) return saved;
  } catch {
    // Unreadable: start again.
  }
  clearProgress();
  return token ? { token, savedAt: Date.now() } : null;
}

export function saveProgress(progress: SavedProgress): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...progress, savedAt: Date.now() }));
  } catch {
    // Full or refused: a reload then starts from the emailed link, as it did before.
  }
}

export function clearProgress(): void {
  storage()?.removeItem(KEY);
}

/** Whether something saved with an expiry (a code, a ticket) still works. */
export function stillValid(item: { expiresAt: string } | undefined): boolean {
  return item !== undefined && Date.parse(item.expiresAt) > Date.now();
}
