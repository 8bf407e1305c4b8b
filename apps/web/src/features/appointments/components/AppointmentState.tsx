import type { SkeletonProps } from '@portal/ui';
import type { ReactNode } from 'react';
import { QueryState, type PendingQuery } from '../../../components/QueryState';
import type { Appointment } from '../api';

/** The space a change page (reschedule, cancel) takes while its appointment loads. */
const CHANGE_SKELETONS = [{ height: '8rem' }, { height: '12rem' }];

/** One appointment's page while it loads, when it fails or is not there, then its content. */
export function AppointmentState({
  query,
  skeletons = CHANGE_SKELETONS,
  children,
}: {
  query: PendingQuery<Appointment>;
  skeletons?: readonly SkeletonProps[];
  children: (appointment: Appointment) => ReactNode;
}) {
  return (
    <QueryState query={query} copy="appointments.details" skeletons={skeletons} notFoundText>
      {children}
    </QueryState>
  );
}
