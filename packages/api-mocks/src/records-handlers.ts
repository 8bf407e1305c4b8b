/*
 * Plain names for common codes, as the API gives them (apps/api's plain-language lists): the
 * apps' record factories name their entries with them (the file keeps its name, so what
 * imports it need not change).
 */

/** Everyday names the API's code lists give the codes used in mock data (null elsewhere). */
const PLAIN_NAMES = {
  icd10cm: {
    I10: 'High blood pressure',
    'E11.9': 'Type 2 diabetes',
    'E78.5': 'High cholesterol',
    'J45.909': 'Asthma',
    'E66.9': 'Obesity',
  },
  cvx: {
    '08': 'Hepatitis B vaccine (for children)',
    '20': 'Diphtheria, tetanus and whooping cough vaccine (DTaP)',
    '140': 'Flu shot',
    '150': 'Flu shot',
    '208': 'COVID-19 vaccine',
  },
  loinc: {
    '4548-4': 'A1c (average blood sugar over 3 months)',
    '2093-3': 'Total cholesterol',
    '2085-9': 'HDL ("good") cholesterol',
    '2345-7': 'Blood sugar',
    '2160-0': 'Creatinine (kidney function)',
    '8480-6': 'Blood pressure (top number)',
    '8462-4': 'Blood pressure (bottom number)',
    '8867-4': 'Pulse (heart rate)',
    '29463-7': 'Weight',
    '8302-2': 'Height',
    '8310-5': 'Temperature',
  },
} satisfies Record<'icd10cm' | 'cvx' | 'loinc', Record<string, string>>;

export function plainNameOf(system: keyof typeof PLAIN_NAMES, code: string): string | null {
  return (PLAIN_NAMES[system] as Record<string, string>)[code] ?? null;
}
