import { useLocation, type RouteObject } from 'react-router';
import {
  ACCOUNT_PATH,
  APPOINTMENTS_PATH,
  FORGOT_PASSWORD_PATH,
  FORGOT_USERNAME_PATH,
  HEALTH_RECORD_PATH,
  MESSAGES_PATH,
  MY_MEDICATIONS_PATH,
  REGISTER_PATH,
  RESET_PASSWORD_PATH,
  RESULTS_PATH,
  SIGN_IN_PATH,
  UNLOCK_PATH,
} from '../lib/navigation';
import { RequireSession } from './guards/RequireSession';
import { page, SignInRoute } from './lazy-pages';
import { PublicLayout } from './layout/PublicLayout';
import { ShellSkeleton } from './layout/ShellSkeleton';
import { ErrorPage, RootErrorPage } from './routes/ErrorPage';

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
 * Every page loads on first visit (`lazy`, sign-in through SignInRoute) with its message
 * bundles, so the first download holds only the shell and the page being opened. The router
 * loads a lazy page while the session check (started in main.tsx) is on its way, so the two
 * round trips overlap; `HydrateFallback` holds the page's frame meanwhile.
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
          { path: SIGN_IN_PATH, Component: SignInRoute },
          {
            path: FORGOT_PASSWORD_PATH,
            lazy: page(
              () => import('../features/auth/routes/ForgotPasswordPage'),
              (m) => m.ForgotPasswordPage,
              'sign-in',
              'recovery',
            ),
          },
          {
            path: FORGOT_USERNAME_PATH,
            lazy: page(
              () => import('../features/auth/routes/ForgotUsernamePage'),
              (m) => m.ForgotUsernamePage,
              'sign-in',
              'recovery',
            ),
          },
          {
            path: RESET_PASSWORD_PATH,
            lazy: page(
              () => import('../features/auth/routes/ResetPasswordPage'),
              (m) => m.ResetPasswordPage,
              'sign-in',
              'recovery',
              'new-password',
            ),
          },
          {
            path: UNLOCK_PATH,
            lazy: page(
              () => import('../features/auth/routes/UnlockPage'),
              (m) => m.UnlockPage,
              'sign-in',
              'recovery',
            ),
          },
          {
            path: REGISTER_PATH,
            lazy: page(
              () => import('../features/registration/routes/RegisterPage'),
              (m) => m.RegisterPage,
              'registration',
              'new-password',
            ),
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
                lazy: page(
                  () => import('../features/home/routes/HomePage'),
                  (m) => m.HomePage,
                  'home',
                ),
              },
              {
                path: APPOINTMENTS_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/appointments/routes/AppointmentsPage'),
                      (m) => m.AppointmentsPage,
                      'appointments',
                    ),
                  },
                  {
                    path: 'new',
                    lazy: page(
                      () => import('../features/appointments/routes/BookAppointmentPage'),
                      (m) => m.BookAppointmentPage,
                      'appointments',
                    ),
                  },
                  {
                    path: ':appointmentId',
                    lazy: page(
                      () => import('../features/appointments/routes/AppointmentDetailsPage'),
                      (m) => m.AppointmentDetailsPage,
                      'appointments',
                    ),
                  },
                  {
                    path: ':appointmentId/reschedule',
                    lazy: page(
                      () => import('../features/appointments/routes/RescheduleAppointmentPage'),
                      (m) => m.RescheduleAppointmentPage,
                      'appointments',
                    ),
                  },
                  {
                    path: ':appointmentId/cancel',
                    lazy: page(
                      () => import('../features/appointments/routes/CancelAppointmentPage'),
                      (m) => m.CancelAppointmentPage,
                      'appointments',
                    ),
                  },
                ],
              },
              {
                path: RESULTS_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/test-results/routes/ResultsPage'),
                      (m) => m.ResultsPage,
                      'test-results',
                    ),
                  },
                  {
                    path: ':reportId',
                    lazy: page(
                      () => import('../features/test-results/routes/ResultDetailsPage'),
                      (m) => m.ResultDetailsPage,
                      'test-results',
                    ),
                  },
                  {
                    path: 'trends/:code',
                    lazy: page(
                      () => import('../features/test-results/routes/ResultTrendPage'),
                      (m) => m.ResultTrendPage,
                      'test-results',
                    ),
                  },
                ],
              },
              {
                path: MESSAGES_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/messages/routes/MessagesPage'),
                      (m) => m.MessagesPage,
                      'messages',
                    ),
                  },
                  {
                    path: 'new',
                    lazy: page(
                      () => import('../features/messages/routes/NewMessagePage'),
                      (m) => m.NewMessagePage,
                      'messages',
                    ),
                  },
                  {
                    path: ':conversationId',
                    lazy: page(
                      () => import('../features/messages/routes/ConversationPage'),
                      (m) => m.ConversationPage,
                      'messages',
                    ),
                  },
                ],
              },
              {
                path: MY_MEDICATIONS_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/medications/routes/MedicationsPage'),
                      (m) => m.MedicationsPage,
                      'medications',
                    ),
                  },
                  {
                    path: 'refill',
                    lazy: page(
                      () => import('../features/medications/routes/RequestRefillPage'),
                      (m) => m.RequestRefillPage,
                      'medications',
                    ),
                  },
                  {
                    path: 'refills/:refillRequestId',
                    lazy: page(
                      () => import('../features/medications/routes/RefillRequestPage'),
                      (m) => m.RefillRequestPage,
                      'medications',
                    ),
                  },
                ],
              },
              {
                path: HEALTH_RECORD_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/health-record/routes/HealthRecordPage'),
                      (m) => m.HealthRecordPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'conditions',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.ConditionsPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'allergies',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.AllergiesPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'immunizations',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.ImmunizationsPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'visits',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.VisitSummariesPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'visits/:visitSummaryId',
                    lazy: page(
                      () => import('../features/health-record/routes/VisitSummaryPage'),
                      (m) => m.VisitSummaryPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'care-plans',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.CarePlansPage,
                      'health-record',
                    ),
                  },
                  {
                    path: 'medications',
                    lazy: page(
                      () => import('../features/health-record/routes/RecordListPages'),
                      (m) => m.MedicationsPage,
                      'health-record',
                    ),
                  },
                ],
              },
              {
                path: ACCOUNT_PATH,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/account/routes/SecurityPage'),
                      (m) => m.SecurityPage,
                      'account',
                      'sign-in',
                      'new-password',
                    ),
                  },
                  {
                    path: 'sessions',
                    lazy: page(
                      () => import('../features/account/routes/SessionsPage'),
                      (m) => m.SessionsPage,
                      'account',
                      'sign-in',
                      'new-password',
                    ),
                  },
                  {
                    path: 'access-log',
                    lazy: page(
                      () => import('../features/access-log/routes/AccessLogPage'),
                      (m) => m.AccessLogPage,
                      'account',
                    ),
                  },
                ],
              },
              {
                path: '*',
                lazy: page(
                  () => import('./routes/NotFoundPage'),
                  (m) => m.NotFoundPage,
                ),
              },
            ],
          },
        ],
      },
    ],
  },
];
