import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/routes/SignInPage';
import { HomePage } from '../features/home/routes/HomePage';
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

/**
 * The route tree, shared by the browser router and the tests' memory router.
 * Home and sign-in (with its code step) are the first screens almost everyone sees, so they
 * are bundled eagerly; the rest load on first visit (`lazy`) to keep the first download small.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    errorElement: <RootErrorPage />,
    HydrateFallback: ShellSkeleton,
    children: [
      {
        Component: PublicLayout,
        children: [
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
              { index: true, Component: HomePage },
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
