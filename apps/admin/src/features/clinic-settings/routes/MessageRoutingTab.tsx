import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryView } from '../../../components/QueryView';
import '../clinic-settings.css';
import { useCarePools, useMessageRouting } from '../api/clinic-settings';
import { RoutingRow } from '../components/RoutingRow';
import { CLINIC_CARE_POOLS_PATH, NEW_CARE_POOL_PATH } from '../utils/paths';

/** Which care-team pool reads each kind of message, and the answer time patients are told. */
export function MessageRoutingTab() {
  const { t } = useTranslation();
  const routing = useMessageRouting();
  const pools = useCarePools();

  return (
    <section aria-labelledby="routing-heading">
      <h2 id="routing-heading">{t('clinicSettings.routing.title')}</h2>
      <p>{t('clinicSettings.routing.intro')}</p>
      <QueryView query={pools} loadingLabel={t('clinicSettings.routing.loading')}>
        {(poolList) => (
          <>
            {poolList.some((pool) => pool.active) ? null : (
              <p>
                {t('clinicSettings.routing.noPools')}{' '}
                <Link to={poolList.length === 0 ? NEW_CARE_POOL_PATH : CLINIC_CARE_POOLS_PATH}>
                  {poolList.length === 0
                    ? t('clinicSettings.carePools.add')
                    : t('clinicSettings.routing.toPools')}
                </Link>
              </p>
            )}
            <QueryView query={routing} loadingLabel={t('clinicSettings.routing.loading')}>
              {(items) => (
                <ul className="admin-routing">
                  {items.map((item) => (
                    <RoutingRow key={item.category} routing={item} pools={poolList} />
                  ))}
                </ul>
              )}
            </QueryView>
          </>
        )}
      </QueryView>
    </section>
  );
}
