import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Time } from '../../../components/Time';
import { refillRequestPath } from '../../../lib/paths';
import type { RefillQueueItem } from '../api/refills';

/**
 * Beside a request in the queue: the medication's facts and its earlier requests, and the
 * patient's last visit, in a disclosure so the table stays dense.
 */
export function QueueRowDetails({ item }: { item: RefillQueueItem }) {
  const { t } = useTranslation();
  const { medication, patient } = item;
  return (
    <details className="refills-details">
      <summary>
        {t('refills.queue.details')}
        <span className="ui-visually-hidden">
          {' '}
          {t('refills.queue.detailsOf', { name: item.medicationName })}
        </span>
      </summary>
      <dl className="refills-facts">
        <dt>{t('refills.facts.lastVisit')}</dt>
        <dd>
          {patient.lastVisitAt ? <Time value={patient.lastVisitAt} /> : t('refills.facts.noVisit')}
        </dd>
        <dt>{t('refills.facts.dose')}</dt>
        <dd>
          {[medication.dose, medication.frequency].filter(Boolean).join(', ') ||
            t('refills.facts.notRecorded')}
        </dd>
        <dt>{t('refills.facts.refillsRemaining')}</dt>
        <dd>{medication.refillsRemaining ?? t('refills.facts.notRecorded')}</dd>
        <dt>{t('refills.facts.lastFilled')}</dt>
        <dd>{medication.lastFilledOn ?? t('refills.facts.notRecorded')}</dd>
        <dt>{t('refills.facts.recent')}</dt>
        <dd>
          {medication.recentRequests.length === 0 ? (
            t('refills.facts.noRecent')
          ) : (
            <ul>
              {medication.recentRequests.map((recent) => (
                <li key={recent.id}>
                  <Link to={refillRequestPath(recent.id)}>
                    {t(`refills.status.${recent.status}`)}
                  </Link>{' '}
                  {t('refills.facts.requestedOn')} <Time value={recent.requestedAt} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </details>
  );
}
