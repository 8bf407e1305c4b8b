import { Alert, Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useAuthUi } from './context';
import { downloadTextFile } from './download';

export interface RecoveryCodesViewProps {
  codes: readonly string[];
  username: string;
  onDone: () => void;
}

/** The recovery codes, shown this once, with a text download and "I saved them". */
export function RecoveryCodesView({ codes, username, onDone }: RecoveryCodesViewProps) {
  const { t } = useTranslation();
  const formatDateTime = useAuthUi().useFormatDateTime();

  const download = () => {
    const created = formatDateTime(new Date().toISOString());
    const text = [
      t('account.recovery.fileTitle', { username }),
      t('account.recovery.fileCreated', { date: created }),
      t('account.recovery.fileHelp'),
      '',
      ...codes,
      '',
    ].join('\r\n');
    downloadTextFile(t('account.recovery.fileName'), text);
  };

  return (
    <>
      <Alert tone="warning" title={t('account.recovery.onceTitle')} announce={false}>
        <p>{t('account.recovery.once')}</p>
      </Alert>
      <p>{t('account.recovery.explain')}</p>
      <ol className="ui-code ui-code-list" aria-label={t('account.recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p>{t('account.recovery.where')}</p>
      <div className="ui-actions">
        <Button variant="secondary" onClick={download}>
          {t('account.recovery.download')}
        </Button>
        <Button onClick={onDone}>{t('account.recovery.saved')}</Button>
      </div>
    </>
  );
}
