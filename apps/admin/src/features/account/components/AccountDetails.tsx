import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { useCurrentSession } from '../../../lib/session';
import { RoleList } from './RoleList';

/** Who is signed in, with which roles, and until when. */
export function AccountDetails() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { user, absoluteExpiresAt } = useCurrentSession();

  return (
    <section className="ui-card" aria-labelledby="account-details">
      <h2 id="account-details">{t('home.accountTitle')}</h2>
      <dl className="ui-details">
        <dt>{t('home.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('home.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('home.roles')}</dt>
        <dd>
          <RoleList roles={user.roles} />
        </dd>
        <dt>{t('home.signedInUntil')}</dt>
        <dd>
          {/* The session's end belongs to this device's day, not to a clinic's time zone. */}
          <time dateTime={absoluteExpiresAt}>
            {formatDateTime(absoluteExpiresAt, deviceTimeZone(), locale)}
          </time>
        </dd>
      </dl>
      <p>{t('home.idleNote')}</p>
    </section>
  );
}
