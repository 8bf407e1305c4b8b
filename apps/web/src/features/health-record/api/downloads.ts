import { saveFile } from '@portal/auth-ui';
import { deviceTimeZone } from '@portal/ui';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/*
 * The record's files, fetched through the client rather than opened as links, so a failure
 * is said in words on the page instead of downloading an error document.
 */

/** GET …/health-record.pdf (operationId downloadHealthRecordPdf). */
export function useDownloadHealthRecordPdf(patientId: string) {
  return useMutation({
    mutationKey: ['health-record', 'pdf'],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET('/api/v1/patients/{patientId}/health-record.pdf', {
        // Times in the document are written in the zone the patient reads them in.
        params: { path: { patientId }, query: { timeZone: deviceTimeZone() } },
        parseAs: 'blob',
      });
      if (!data) throw new Error('The file was empty');
      saveFile(new Blob([data], { type: 'application/pdf' }), 'health-record.pdf');
    },
  });
}

/** GET …/health-record.fhir.json (operationId downloadHealthRecordFhir): a FHIR R4 Bundle. */
export function useDownloadHealthRecordFhir(patientId: string) {
  return useMutation({
    mutationKey: ['health-record', 'fhir'],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET('/api/v1/patients/{patientId}/health-record.fhir.json', {
        params: { path: { patientId } },
        parseAs: 'blob',
      });
      if (!data) throw new Error('The file was empty');
      saveFile(new Blob([data], { type: 'application/fhir+json' }), 'health-record.fhir.json');
    },
  });
}

/** GET …/visit-summaries/{visitSummaryId}/summary.pdf (operationId downloadVisitSummaryPdf). */
export function useDownloadVisitSummaryPdf(patientId: string, visitSummaryId: string) {
  return useMutation({
    mutationKey: ['health-record', 'visit-pdf', visitSummaryId],
    mutationFn: async (): Promise<void> => {
      const { data } = await api.GET(
        '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}/summary.pdf',
        {
          params: { path: { patientId, visitSummaryId }, query: { timeZone: deviceTimeZone() } },
          parseAs: 'blob',
        },
      );
      if (!data) throw new Error('The file was empty');
      saveFile(new Blob([data], { type: 'application/pdf' }), 'visit-summary.pdf');
    },
  });
}
