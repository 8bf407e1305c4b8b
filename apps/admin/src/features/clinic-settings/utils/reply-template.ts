/**
 * The placeholders the API fills when staff use a reply template (documented on
 * createReplyTemplate), in the order the form lists them.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'patientFirstName',
  'staffName',
  'poolName',
  'clinicName',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function known(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The template's text with its placeholders filled; unknown ones stay as written. */
export function fillTemplate(body: string, values: Record<TemplatePlaceholder, string>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (known(name) ? values[name] : whole));
}

/** The `{{…}}` names in the text that are not placeholders, each once, as written. */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((name) => !known(name));
  return [...new Set(names)];
}
