/** Where the portal started by global-setup.ts listens and keeps its files. */

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the specs through "npm run test:e2e" (its globalSetup starts the portal).`,
    );
  }
  return value;
}

/** The portal's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
export function baseUrl(): string {
  return required('E2E_BASE_URL');
}

/** An absolute URL on the portal for a path such as "/api/health/ready". */
export function portalUrl(pathname: string): string {
  return new URL(pathname, `${baseUrl()}/`).toString();
}

/** The server's DATA_DIR (a temporary folder, also when DATABASE_URL is set). */
export function dataDir(): string {
  return required('E2E_DATA_DIR');
}

/** Where the server writes every email as an .eml file (SMTP_URL is never set in e2e runs). */
export function outboxDir(): string {
  return required('E2E_OUTBOX_DIR');
}

/**
 * The CSRF cookie's names: `__Host-csrf_token` where the portal is served over HTTPS,
 * `csrf_token` on plain http://localhost (as in these runs). The prefixed one wins.
 */
export const CSRF_COOKIES = ['__Host-csrf_token', 'csrf_token'];

/** The CSRF token among a browser context's cookies, if the portal has handed one out. */
export function csrfCookieValue(
  cookies: Array<{ name: string; value: string }>,
): string | undefined {
  for (const name of CSRF_COOKIES) {
    const cookie = cookies.find((candidate) => candidate.name === name);
    if (cookie) return cookie.value;
  }
  return undefined;
}
