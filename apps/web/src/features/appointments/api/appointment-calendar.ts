import { saveFile } from '@portal/auth-ui';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The name the API gives the file (Content-Disposition); calendar apps open .ics files. */
const FILE_NAME = 'appointment.ics';

/**
 * GET …/appointments/{appointmentId}/calendar.ics (operationId downloadAppointmentCalendar),
 * saved as a file. Fetched through the client rather than opened as a link, so a failure is
 * said in words on the page instead of downloading an error document.
 */
export function useDownloadAppointmentCalendar(patientId: string, appointmentId: string) {
  return useMutation({
    mutationKey: ['appointments', 'calendar', appointmentId],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET(
        '/api/v1/patients/{patientId}/appointments/{appointmentId}/calendar.ics',
        { params: { path: { patientId, appointmentId } }, parseAs: 'blob' },
      );
      if (!data) {
        throw new Error('The calendar file was empty');
      }
      saveFile(new Blob([data], { type: 'text/calendar;charset=utf-8' }), FILE_NAME);
    },
  });
}
