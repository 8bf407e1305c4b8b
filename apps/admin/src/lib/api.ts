import { createApiClient } from '@portal/api-client';

/** The one API client for this app; the API serves the SPA, so calls stay same-origin. */
export const api = createApiClient();
