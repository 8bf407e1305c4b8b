import { saveFile } from '@portal/auth-ui';
import { deviceTimeZone } from '@portal/ui';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/**
 * GET …/results/{reportId}/report.pdf (operationId downloadResultPdf): the report as a PDF,
 * saved as a file. Fetched through the client rather than opened as a link, so a failure is
 * said in words on the page instead of downloading an error document.
 */
export function useDownloadResultPdf(patientId: string, reportId: string) {
  return useMutation({
    mutationKey: ['results', 'pdf', reportId],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET('/api/v1/patients/{patientId}/results/{reportId}/report.pdf', {
        // Times in the document are written in the zone the patient reads them in.
        params: { path: { patientId, reportId }, query: { timeZone: deviceTimeZone() } },
        parseAs: 'blob',
      });
      if (!data) {
        throw new Error('The file was empty');
      }
      saveFile(new Blob([data], { type: 'application/pdf' }), 'test-result.pdf');
    },
  });
}

/** GET …/results/{reportId}/attachment (operationId downloadResultAttachment): the file the lab sent. */
export function useDownloadResultAttachment(patientId: string, reportId: string, fileName: string) {
  return useMutation({
    mutationKey: ['results', 'attachment', reportId],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET('/api/v1/patients/{patientId}/results/{reportId}/attachment', {
        params: { path: { patientId, reportId } },
        parseAs: 'blob',
      });
      if (!data) {
        throw new Error('The file was empty');
      }
      saveFile(new Blob([data], { type: 'application/pdf' }), fileName);
    },
  });
}
