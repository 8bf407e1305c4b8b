/** The API refuses a file larger than this (the content of the JSON body). */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export type ImportFormat = 'csv' | 'fhir';

/** CSV for .csv, a FHIR bundle for .json; anything else is not accepted. */
export function formatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'fhir';
  return null;
}

/**
 * How much the file holds, for the preview: data rows of a CSV (the header is not one), or
 * entries of a FHIR bundle; null when the JSON cannot be read (the API explains why).
 */
export function countRows(format: ImportFormat, content: string): number | null {
  if (format === 'csv') {
    return Math.max(0, content.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
  }
  try {
    const bundle = JSON.parse(content) as { entry?: unknown };
    return Array.isArray(bundle.entry) ? bundle.entry.length : 0;
  } catch {
    return null;
  }
}
