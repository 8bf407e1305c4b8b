import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/routes/SignInPage';
import { HomePage } from '../features/home/routes/HomePage';
import { SIGN_IN_PATH } from '../lib/navigation';
import { RequireSession } from './guards/RequireSession';
import { PublicLayout } from './layout/PublicLayout';
import { ShellSkeleton } from './layout/ShellSkeleton';
import { ErrorPage, RootErrorPage } from './routes/ErrorPage';
import { NotFoundPage } from './routes/NotFoundPage';

/**
 * The route tree, shared by the browser router and the tests' memory router.
 * Home and sign-in are the first screens almost everyone sees, so they are bundled eagerly;
 * larger sections should use `lazy: () => import(...)` to stay out of the initial download.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    errorElement: <RootErrorPage />,
    HydrateFallback: ShellSkeleton,
    children: [
      {
        Component: PublicLayout,
        children: [{ path: SIGN_IN_PATH, Component: SignInPage }],
      },
      {
        Component: RequireSession,
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, Component: HomePage },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];
