import type { RouteObject } from 'react-router';
import { RequireRole } from './guards/RequireRole';

/**
 * The staff sections: patients (with the record's tabs from several features), invitations,
 * staff accounts and the audit log. Each page loads on first visit (`lazy`), so none of them
 * weighs on the first download; each section checks the role before anything loads.
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
];
