import { useTranslation } from 'react-i18next';
import { emergencyKinds } from '../utils/emergency';

/**
 * Shown while the words written may describe an emergency: where to get help now (911, and
 * 988 for a mental health crisis). Announced at once (role="alert"); it never stops sending.
 */
export function EmergencyNotice({ text }: { text: string }) {
  const { t } = useTranslation();
  const kinds = emergencyKinds(text);
  // The live region is always there, so assistive technology hears the notice appear.
  return (
    <div role="alert" className="messages-emergency-region">
      {kinds.length > 0 ? (
        <div className="ui-alert ui-alert--error messages-emergency">
          <p className="ui-alert__title">{t('messages.emergency.title')}</p>
          <div className="ui-alert__body">
            <p>{t('messages.emergency.medical')}</p>
            <p>{t('messages.emergency.crisis')}</p>
            <p>{t('messages.emergency.both')}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
