import { composeEmail } from '../../infra/mail/compose.js';
import type { RefillStatus } from './refills.rules.js';

/** The patient app's medication list, where requests are followed. */
export const MEDICATIONS_PAGE = '/health-record/medications';

const WHAT_NEXT: Record<RefillStatus, string> = {
  requested: 'We received your prescription refill request. Your care team will look at it soon.',
  in_review: 'Your care team is reviewing your prescription refill request.',
  approved:
    'Your prescription refill request was approved. It is being sent to your pharmacy; ask the pharmacy when it will be ready.',
  denied:
    'Your prescription refill request was not approved. Sign in to see why and what to do next.',
  needs_appointment:
    'Your care team would like to see you before refilling this prescription. Sign in to see the details and book a visit.',
  cancelled: 'Your prescription refill request was cancelled.',
};

/**
 * The email of a request's new status: that it changed and a link. Never the medication, the
 * pharmacy, the note or the reason (no health data in email).
 */
export function refillStatusEmail(
  to: string,
  status: RefillStatus,
  count: number,
  settings: { publicUrl: string; clinicName: string },
) {
  const first =
    count > 1 && status === 'requested'
      ? `We received your ${count} prescription refill requests. Your care team will look at them soon.`
      : WHAT_NEXT[status];
  return composeEmail({
    template: `refill-${status.replace('_', '-')}`,
    to,
    subject: `An update on your prescription refill request from ${settings.clinicName}`,
    paragraphs: [first, 'For your privacy, this email does not name your medication.'],
    action: {
      label: 'See your medications',
      url: `${settings.publicUrl}${MEDICATIONS_PAGE}`,
    },
    clinicName: settings.clinicName,
  });
}
