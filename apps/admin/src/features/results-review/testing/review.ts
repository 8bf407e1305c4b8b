import type { JsonResponse } from '@portal/api-client';
import { answer, page, signInStaff } from '../../../testing/api';
import {
  patientFactory,
  reportSummary,
  type Patient,
  type Report,
} from '../../../testing/factories';

type ReviewItem = JsonResponse<'listResultsForReview', 200>['items'][number];

/** How the review queue lists a held report of one of the test's patients. */
export function reviewItem(report: Report, patient: Patient): ReviewItem {
  return {
    ...reportSummary(report),
    patient: {
      id: patient.id,
      displayName: `${patient.givenName} ${patient.familyName}`,
      mrn: patient.mrn,
    },
  };
}

/**
 * Signs a staff member in with these roles; the API answers with an empty review queue and
 * every category released at once, unless the test states otherwise.
 */
export function serveResults(roles: string[]) {
  const alex = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const jordan = patientFactory({ givenName: 'Jordan', familyName: 'Lee' });
  signInStaff(roles);
  answer('listResultsForReview', { ...page([]), total: 0, oldestIssuedAt: null });
  const policy = {
    items: (['laboratory', 'imaging', 'other'] as const).map((category) => ({
      category,
      mode: 'immediate' as const,
      updatedAt: '2026-03-02T15:00:00.000Z',
    })),
  };
  answer('getResultReleasePolicy', policy);
  return { alex, jordan, policy };
}
