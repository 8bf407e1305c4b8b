import { ClinicBrand, SkipLink } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../lib/api-queries';

const MAIN_ID = 'main';

export interface FrameProps {
  /** Right side of the header: who is signed in and the sign-out button. */
  account?: ReactNode;
  /** The menu: below the header on phones, at the side of the page on desktop. */
  nav?: ReactNode;
  /** Make the portal name a link home (only useful when signed in). */
  linkHome?: boolean;
  children: ReactNode;
}

/**
 * Page frame shared by every screen: skip link, header (the banner), optional menu and the
 * main landmark. The menu sits after the header, before the page, so the focus order is the
 * same at every width; styles.css puts it at the side from 64rem up.
 */
export function Frame({ account, nav, linkHome = false, children }: FrameProps) {
  const { t } = useTranslation();
  // Who the portal belongs to: set by the operator, so kept for the whole visit.
  const clinic = $api.useQuery('get', '/api/v1/clinic', {}, { staleTime: Infinity });
  const brand = <ClinicBrand identity={clinic.data} fallbackName={t('app.name')} />;
  return (
    <>
      <SkipLink targetId={MAIN_ID}>{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-container app-header__bar">
          {linkHome ? (
            <Link to="/" className="app-brand">
              {brand}
            </Link>
          ) : (
            <span className="app-brand">{brand}</span>
          )}
          {account ? <div className="app-user">{account}</div> : null}
        </div>
      </header>
      <div className={nav ? 'app-container app-body app-body--with-nav' : 'app-container app-body'}>
        {nav}
        <main id={MAIN_ID} className="app-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
