import { useTranslation } from 'react-i18next';

/** "Corrected", outlined and in words, for a report or value changed after it was shared. */
export function CorrectedMark() {
  const { t } = useTranslation();
  return <span className="results-mark">{t('testResults.corrected')}</span>;
}
