import { useLocation, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/routes/SignInPage';
import {
  ACCOUNT_PATH,
  APPOINTMENTS_PATH,
  FORGOT_PASSWORD_PATH,
  FORGOT_USERNAME_PATH,
  HEALTH_RECORD_PATH,
  REGISTER_PATH,
  RESET_PASSWORD_PATH,
  RESULTS_PATH,
  SIGN_IN_PATH,
  UNLOCK_PATH,
} from '../lib/navigation';
import { RequireSession } from './guards/RequireSession';
import { PublicLayout } from './layout/PublicLayout';
import { ShellSkeleton } from './layout/ShellSkeleton';
import { ErrorPage, RootErrorPage } from './routes/ErrorPage';
import { NotFoundPage } from './routes/NotFoundPage';

/** Pages seen before signing in: their frame has no menu and no signed-in user. */
const PUBLIC_PATHS: readonly string[] = [
  SIGN_IN_PATH,
  FORGOT_PASSWORD_PATH,
  FORGOT_USERNAME_PATH,
  RESET_PASSWORD_PATH,
  UNLOCK_PATH,
  REGISTER_PATH,
];

/** While the first page's code loads: the frame that page will have. */
function RouteLoading() {
  const { pathname } = useLocation();
  return <ShellSkeleton signedIn={!PUBLIC_PATHS.includes(pathname.replace(/\/+$/, ''))} />;
}

/**
 * The route tree, shared by the browser router and the tests' memory router.
 * Every page but sign-in loads on first visit (`lazy`), so the first download holds only the
 * shell, sign-in and the page being opened. The router loads a lazy page while the session
 * check (started in main.tsx) is on its way, so the two round trips overlap; `HydrateFallback`
 * holds the page's frame meanwhile.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    errorElement: <RootErrorPage />,
    HydrateFallback: RouteLoading,
    children: [
      {
        Component: PublicLayout,
        children: [
          // Bundled: signing out must land on it within the same navigation (SignOutButton).
          { path: SIGN_IN_PATH, Component: SignInPage },
          {
            path: FORGOT_PASSWORD_PATH,
            lazy: async () => ({
              Component: (await import('../features/auth/routes/ForgotPasswordPage'))
                .ForgotPasswordPage,
            }),
          },
          {
            path: FORGOT_USERNAME_PATH,
            lazy: async () => ({
              Component: (await import('../features/auth/routes/ForgotUsernamePage'))
                .ForgotUsernamePage,
            }),
          },
          {
            path: RESET_PASSWORD_PATH,
            lazy: async () => ({
              Component: (await import('../features/auth/routes/ResetPasswordPage'))
                .ResetPasswordPage,
            }),
          },
          {
            path: UNLOCK_PATH,
            lazy: async () => ({
              Component: (await import('../features/auth/routes/UnlockPage')).UnlockPage,
            }),
          },
          {
            path: REGISTER_PATH,
            lazy: async () => ({
              Component: (await import('../features/registration/routes/RegisterPage'))
                .RegisterPage,
            }),
          },
        ],
      },
      {
        Component: RequireSession,
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/home/routes/HomePage')).HomePage,
                }),
              },
              {
                path: APPOINTMENTS_PATH,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/appointments/routes/AppointmentsPage'))
                        .AppointmentsPage,
                    }),
                  },
                  {
                    path: 'new',
                    lazy: async () => ({
                      Component: (
                        await import('../features/appointments/routes/BookAppointmentPage')
                      ).BookAppointmentPage,
                    }),
                  },
                  {
                    path: ':appointmentId',
                    lazy: async () => ({
                      Component: (
                        await import('../features/appointments/routes/AppointmentDetailsPage')
                      ).AppointmentDetailsPage,
                    }),
                  },
                  {
                    path: ':appointmentId/reschedule',
                    lazy: async () => ({
                      Component: (
                        await import('../features/appointments/routes/RescheduleAppointmentPage')
                      ).RescheduleAppointmentPage,
                    }),
                  },
                  {
                    path: ':appointmentId/cancel',
                    lazy: async () => ({
                      Component: (
                        await import('../features/appointments/routes/CancelAppointmentPage')
                      ).CancelAppointmentPage,
                    }),
                  },
                ],
              },
              {
                path: RESULTS_PATH,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/test-results/routes/ResultsPage'))
                        .ResultsPage,
                    }),
                  },
                  {
                    path: ':reportId',
                    lazy: async () => ({
                      Component: (await import('../features/test-results/routes/ResultDetailsPage'))
                        .ResultDetailsPage,
                    }),
                  },
                  {
                    path: 'trends/:code',
                    lazy: async () => ({
                      Component: (await import('../features/test-results/routes/ResultTrendPage'))
                        .ResultTrendPage,
                    }),
                  },
                ],
              },
              {
                path: HEALTH_RECORD_PATH,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/HealthRecordPage'))
                        .HealthRecordPage,
                    }),
                  },
                  {
                    path: 'conditions',
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/ConditionsPage'))
                        .ConditionsPage,
                    }),
                  },
                  {
                    path: 'allergies',
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/AllergiesPage'))
                        .AllergiesPage,
                    }),
                  },
                  {
                    path: 'immunizations',
                    lazy: async () => ({
                      Component: (
                        await import('../features/health-record/routes/ImmunizationsPage')
                      ).ImmunizationsPage,
                    }),
                  },
                  {
                    path: 'visits',
                    lazy: async () => ({
                      Component: (
                        await import('../features/health-record/routes/VisitSummariesPage')
                      ).VisitSummariesPage,
                    }),
                  },
                  {
                    path: 'visits/:visitSummaryId',
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/VisitSummaryPage'))
                        .VisitSummaryPage,
                    }),
                  },
                  {
                    path: 'care-plans',
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/CarePlansPage'))
                        .CarePlansPage,
                    }),
                  },
                  {
                    path: 'medications',
                    lazy: async () => ({
                      Component: (await import('../features/health-record/routes/MedicationsPage'))
                        .MedicationsPage,
                    }),
                  },
                ],
              },
              {
                path: ACCOUNT_PATH,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/account/routes/SecurityPage'))
                        .SecurityPage,
                    }),
                  },
                  {
                    path: 'sessions',
                    lazy: async () => ({
                      Component: (await import('../features/account/routes/SessionsPage'))
                        .SessionsPage,
                    }),
                  },
                  {
                    path: 'access-log',
                    lazy: async () => ({
                      Component: (await import('../features/access-log/routes/AccessLogPage'))
                        .AccessLogPage,
                    }),
                  },
                ],
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];
