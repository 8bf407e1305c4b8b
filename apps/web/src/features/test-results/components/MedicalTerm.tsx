import { useTranslation } from 'react-i18next';

/**
 * The medical name of a test shown by its everyday name, in smaller text under it: "Medical
 * term: Hemoglobin A1c/Hemoglobin.total in Blood". Nothing when the test has no everyday name,
 * as its name is then the term itself.
 */
export function MedicalTerm({
  plainName,
  display,
}: {
  plainName: string | null | undefined;
  display: string;
}) {
  const { t } = useTranslation();
  if (!plainName) {
    return null;
  }
  return <p className="results-term">{t('testResults.medicalTerm', { term: display })}</p>;
}
