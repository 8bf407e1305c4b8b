/** The record lists of a patient's medical record tab, one operation each. */
export const RECORD_LISTS = [
  'listConditions',
  'listAllergies',
  'listImmunizations',
  'listVisitSummaries',
  'listCarePlans',
  'listMedications',
] as const;

/** Every clinical read of a patient's record and results tabs. */
export const CLINICAL_READS = [...RECORD_LISTS, 'listResults', 'listVitals'] as const;
