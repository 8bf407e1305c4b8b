import { createApiClient } from '@portal/api-client';
import { recordActivity } from '@portal/auth-ui';

/** The one API client for this app; the API serves the SPA, so calls stay same-origin. */
export const api = createApiClient();

/** Sign-in, sign-out, emailed-link and registration calls: none of them keeps a session going. */
const PUBLIC_AUTH = /^\/api\/v1\/(?:auth\/(?!session$)|registration\/)/;

// Every successful signed-in call counts as activity on the server (it moves the idle limit),
// so the idle timer hears about each one.
api.use({
  onResponse({ response, schemaPath }) {
    if (response.ok && !PUBLIC_AUTH.test(schemaPath)) {
      recordActivity();
    }
    return undefined;
  },
});
