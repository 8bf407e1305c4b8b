import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESULTS_PATH } from '../../../lib/navigation';
import { useNewResultsCount } from '../api/new-results';

const TITLE_ID = 'home-new-results';

/**
 * "You have 2 new test results": shown only when there are some. No test names here: Home is
 * the page most likely to be seen over a shoulder. A failed count shows nothing; the menu
 * still leads to the results.
 */
export function NewResultsCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const count = useNewResultsCount(patientId).data ?? 0;
  if (count === 0) {
    return null;
  }
  return (
    <section className="ui-card" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t('home.results.title')}</h2>
      <p>{t('home.results.body', { count })}</p>
      <p>
        <Link to={RESULTS_PATH}>{t('home.results.link')}</Link>
      </p>
    </section>
  );
}
