import type { RouteObject } from 'react-router';
import { RequireRole } from './guards/RequireRole';

/**
 * The staff sections: patients (with the record's tabs from several features), the schedule,
 * the care-team inbox, results review and import, invitations, staff accounts, clinic settings and the audit log. Each page loads on first
 * visit (`lazy`), so none of them weighs on the first download; each section checks the role
 * before anything loads.
 */
export const staffSectionRoutes: RouteObject[] = [
  {
    path: 'patients',
    element: <RequireRole section="patients" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/patients/routes/PatientSearchPage'))
            .PatientSearchPage,
        }),
      },
      {
        path: 'new',
        element: <RequireRole section="patientEdit" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/patients/routes/NewPatientPage'))
                .NewPatientPage,
            }),
          },
        ],
      },
      {
        path: ':patientId',
        lazy: async () => ({
          Component: (await import('../features/patients/routes/PatientRecordLayout'))
            .PatientRecordLayout,
        }),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/patients/routes/PatientDetailsTab'))
                .PatientDetailsTab,
            }),
          },
          {
            path: 'edit',
            element: <RequireRole section="patientEdit" inline />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/patients/routes/EditPatientTab'))
                    .EditPatientTab,
                }),
              },
            ],
          },
          {
            path: 'appointments',
            element: <RequireRole section="patientAppointments" inline />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/schedule/routes/PatientAppointmentsTab'))
                    .PatientAppointmentsTab,
                }),
              },
            ],
          },
          {
            // The clinical tabs: refused for want of a care relationship, they offer
            // emergency access instead.
            lazy: async () => ({
              Component: (await import('../features/emergency-access/components/CareAccessGate'))
                .CareAccessGate,
            }),
            children: [
              {
                path: 'record',
                element: <RequireRole section="patientHealthRecord" inline />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (
                        await import('../features/health-records/routes/PatientHealthRecordTab')
                      ).PatientHealthRecordTab,
                    }),
                  },
                ],
              },
              {
                path: 'results',
                element: <RequireRole section="patientHealthRecord" inline />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (
                        await import('../features/health-records/routes/PatientResultsTab')
                      ).PatientResultsTab,
                    }),
                  },
                ],
              },
            ],
          },
          {
            path: 'invitations',
            element: <RequireRole section="invitations" inline />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/invitations/routes/PatientInvitationsTab'))
                    .PatientInvitationsTab,
                }),
              },
            ],
          },
          {
            path: 'send-message',
            element: <RequireRole section="inboxReply" inline />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/inbox/routes/PatientSendMessageTab'))
                    .PatientSendMessageTab,
                }),
              },
            ],
          },
          {
            path: 'access-log',
            element: <RequireRole section="accessLog" inline />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/audit-log/routes/PatientAccessLogTab'))
                    .PatientAccessLogTab,
                }),
              },
            ],
          },
        ],
      },
    ],
  },
  {
    path: 'schedule',
    element: <RequireRole section="schedule" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/schedule/routes/SchedulePage')).SchedulePage,
        }),
      },
      {
        path: 'book',
        element: <RequireRole section="scheduleEdit" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/schedule/routes/BookAppointmentPage'))
                .BookAppointmentPage,
            }),
          },
        ],
      },
      {
        path: 'providers/:providerId/availability',
        lazy: async () => ({
          Component: (await import('../features/schedule/routes/AvailabilityPage'))
            .AvailabilityPage,
        }),
      },
    ],
  },
  {
    path: 'inbox',
    element: <RequireRole section="inbox" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/inbox/routes/InboxPage')).InboxPage,
        }),
      },
      {
        path: ':conversationId',
        lazy: async () => ({
          Component: (await import('../features/inbox/routes/ConversationPage')).ConversationPage,
        }),
      },
    ],
  },
  {
    path: 'results-review',
    children: [
      {
        element: <RequireRole section="resultsReview" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/results-review/routes/ResultsReviewPage'))
                .ResultsReviewPage,
            }),
          },
        ],
      },
      {
        path: 'import',
        element: <RequireRole section="resultsImport" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/results-review/routes/ImportResultsPage'))
                .ImportResultsPage,
            }),
          },
        ],
      },
    ],
  },
  {
    path: 'refills',
    element: <RequireRole section="refills" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/refills/routes/RefillQueuePage')).RefillQueuePage,
        }),
      },
      {
        path: 'requests/:requestId',
        lazy: async () => ({
          Component: (await import('../features/refills/routes/RefillRequestPage'))
            .RefillRequestPage,
        }),
      },
      {
        path: 'turnaround',
        lazy: async () => ({
          Component: (await import('../features/refills/routes/RefillTurnaroundPage'))
            .RefillTurnaroundPage,
        }),
      },
    ],
  },
  {
    path: 'settings/results',
    element: <RequireRole section="resultsPolicy" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/results-review/routes/ReleasePolicyPage'))
            .ReleasePolicyPage,
        }),
      },
    ],
  },
  {
    path: 'invitations',
    element: <RequireRole section="invitations" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/invitations/routes/InvitationsPage'))
            .InvitationsPage,
        }),
      },
    ],
  },
  {
    path: 'staff',
    element: <RequireRole section="staff" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/staff/routes/StaffPage')).StaffPage,
        }),
      },
      {
        path: 'new',
        lazy: async () => ({
          Component: (await import('../features/staff/routes/NewStaffPage')).NewStaffPage,
        }),
      },
      {
        path: ':accountId/edit',
        lazy: async () => ({
          Component: (await import('../features/staff/routes/EditStaffPage')).EditStaffPage,
        }),
      },
    ],
  },
  {
    path: 'settings/clinic',
    element: <RequireRole section="clinicSettings" />,
    children: [
      {
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/ClinicSettingsLayout'))
            .ClinicSettingsLayout,
        }),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/LocationsTab'))
                .LocationsTab,
            }),
          },
          {
            path: 'providers',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/ProvidersTab'))
                .ProvidersTab,
            }),
          },
          {
            path: 'visit-types',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/VisitTypesTab'))
                .VisitTypesTab,
            }),
          },
          {
            element: <RequireRole section="messagingSettings" inline />,
            children: [
              {
                path: 'care-pools',
                lazy: async () => ({
                  Component: (await import('../features/clinic-settings/routes/CarePoolsTab'))
                    .CarePoolsTab,
                }),
              },
              {
                path: 'message-routing',
                lazy: async () => ({
                  Component: (await import('../features/clinic-settings/routes/MessageRoutingTab'))
                    .MessageRoutingTab,
                }),
              },
              {
                path: 'reply-templates',
                lazy: async () => ({
                  Component: (await import('../features/clinic-settings/routes/ReplyTemplatesTab'))
                    .ReplyTemplatesTab,
                }),
              },
            ],
          },
        ],
      },
      {
        element: <RequireRole section="messagingSettings" />,
        children: [
          {
            path: 'care-pools/new',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/CarePoolFormPage'))
                .CarePoolFormPage,
            }),
          },
          {
            path: 'care-pools/:poolId',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/CarePoolFormPage'))
                .CarePoolFormPage,
            }),
          },
          {
            path: 'reply-templates/new',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/ReplyTemplateFormPage'))
                .ReplyTemplateFormPage,
            }),
          },
          {
            path: 'reply-templates/:templateId',
            lazy: async () => ({
              Component: (await import('../features/clinic-settings/routes/ReplyTemplateFormPage'))
                .ReplyTemplateFormPage,
            }),
          },
        ],
      },
      {
        path: 'locations/new',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/LocationFormPage'))
            .LocationFormPage,
        }),
      },
      {
        path: 'locations/:locationId',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/LocationFormPage'))
            .LocationFormPage,
        }),
      },
      {
        path: 'providers/new',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/ProviderFormPage'))
            .ProviderFormPage,
        }),
      },
      {
        path: 'providers/:providerId',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/ProviderFormPage'))
            .ProviderFormPage,
        }),
      },
      {
        path: 'visit-types/new',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/VisitTypeFormPage'))
            .VisitTypeFormPage,
        }),
      },
      {
        path: 'visit-types/:visitTypeId',
        lazy: async () => ({
          Component: (await import('../features/clinic-settings/routes/VisitTypeFormPage'))
            .VisitTypeFormPage,
        }),
      },
    ],
  },
  {
    path: 'audit-log',
    element: <RequireRole section="audit" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/audit-log/routes/AuditLogPage')).AuditLogPage,
        }),
      },
    ],
  },
  {
    path: 'audit-log/emergency-access',
    element: <RequireRole section="emergencyAccessReview" />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/emergency-access/routes/EmergencyAccessReviewPage'))
            .EmergencyAccessReviewPage,
        }),
      },
    ],
  },
];
