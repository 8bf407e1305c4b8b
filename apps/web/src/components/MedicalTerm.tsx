import { useTranslation } from 'react-i18next';

/**
 * The medical term of an entry (a condition, vaccine or test) shown by its everyday name, in smaller text under it: "Medical
 * term: Essential (primary) hypertension (I10)". Nothing when the entry has no everyday name,
 * as its name is then the term itself.
 */
export function MedicalTerm({
  plainName,
  display,
  code,
}: {
  plainName: string | null | undefined;
  display: string;
  /** Given for diagnoses, whose codes patients meet on forms and bills. */
  code?: string;
}) {
  const { t } = useTranslation();
  if (!plainName) {
    return null;
  }
  return (
    <p className="medical-term">
      {code
        ? t('common.medicalTermWithCode', { term: display, code })
        : t('common.medicalTerm', { term: display })}
    </p>
  );
}
