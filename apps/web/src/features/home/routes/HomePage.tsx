import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { useCurrentSession } from '../../../lib/session';
import { NewResultsCard } from '../components/NewResultsCard';
import { NextAppointmentCard } from '../components/NextAppointmentCard';
import { RefillUpdatesCard } from '../components/RefillUpdatesCard';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();

  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: user.displayName })}>
      <p>{t('home.intro')}</p>
      {user.patientId ? <NextAppointmentCard patientId={user.patientId} /> : null}
      {user.patientId ? <NewResultsCard patientId={user.patientId} /> : null}
      {user.patientId ? <RefillUpdatesCard patientId={user.patientId} /> : null}
      <section className="ui-card" aria-labelledby="home-safety">
        <h2 id="home-safety">{t('home.safetyTitle')}</h2>
        <ul>
          <li>{t('home.safetyIdle')}</li>
          <li>{t('home.safetyShared')}</li>
        </ul>
      </section>
    </Page>
  );
}
