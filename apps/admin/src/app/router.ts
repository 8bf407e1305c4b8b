import { createBrowserRouter } from 'react-router';
import { routes } from './routes';

/** The API serves this app under /admin/ (vite `base`); routes below are relative to it. */
export const BASENAME = '/admin';

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
