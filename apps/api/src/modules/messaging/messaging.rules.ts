import type { Principal } from '../../common/principal.js';

/** What a patient can write about; each is routed to a care-team pool (message_routing). */
export const MESSAGE_CATEGORIES = [
  'medical-question',
  'appointment',
  'prescription',
  'billing',
  'test-result',
  'other',
] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** The category's name as the patient reads it. */
export const CATEGORY_LABELS: Record<MessageCategory, string> = {
  'medical-question': 'Medical question',
  appointment: 'Appointment',
  prescription: 'Prescription',
  billing: 'Billing',
  'test-result': 'Test result',
  other: 'Something else',
};

/** A pool belongs to one department; roles read departments. */
export const POOL_DEPARTMENTS = ['clinical', 'appointments', 'billing'] as const;
export type PoolDepartment = (typeof POOL_DEPARTMENTS)[number];

/**
 * Which pools each staff role reads: providers and nurses the clinical ones, the front desk
 * the appointment desk, billing the billing office. Administrators read every pool (they set
 * up pools and routing). A pool tied to a location is read only by staff who work there
 * (staff_location); a provider also reads the clinical conversations of their own patients
 * (an appointment with them), wherever those sit. Anyone reads what is assigned to them.
 */
export const ROLE_DEPARTMENTS: Record<string, readonly PoolDepartment[]> = {
  admin: POOL_DEPARTMENTS,
  provider: ['clinical'],
  nurse: ['clinical'],
  'front-desk': ['appointments'],
  billing: ['billing'],
};

/** What the pool rule needs to know of a staff caller. */
export interface PoolReader {
  accountId: string;
  departments: PoolDepartment[];
  everyPool: boolean;
  provider: boolean;
}

export function poolReader(principal: Principal): PoolReader {
  const departments = new Set<PoolDepartment>();
  for (const role of principal.roles) {
    for (const department of ROLE_DEPARTMENTS[role] ?? []) departments.add(department);
  }
  return {
    accountId: principal.accountId,
    departments: [...departments],
    everyPool: principal.roles.includes('admin'),
    provider: principal.roles.includes('provider'),
  };
}

/** What a message may concern: one of the patient's own appointments, results or medications. */
export const ABOUT_TYPES = ['appointment', 'result', 'medication'] as const;
export type AboutType = (typeof ABOUT_TYPES)[number];

export const MESSAGE_KINDS = ['patient', 'staff', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const INBOX_VIEWS = ['unassigned', 'mine', 'open', 'waiting', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const MAX_BODY_CHARACTERS = 10_000;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The answer time promised when the clinic has not said one for a category. */
export const DEFAULT_ANSWER_BUSINESS_DAYS = 2;

/**
 * The promised answer time: `days` business days (Monday to Friday, in UTC) after `from`, at
 * the same time of day. Clinic holidays are not known to the portal yet.
 */
export function addBusinessDays(from: Date, days: number): Date {
  const due = new Date(from);
  let added = 0;
  while (added < days) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = due.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return due;
}

/** Placeholders a reply template may use, filled for the conversation it is used in. */
export const TEMPLATE_PLACEHOLDERS = {
  patientFirstName: 'The patient’s preferred or given name',
  staffName: 'The name of the staff member replying',
  clinicName: 'The clinic’s name',
  poolName: 'The name of the care team the conversation is with',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** A template's text with {{placeholder}}s filled; unknown ones are left as written. */
export function fillTemplate(body: string, values: Record<TemplatePlaceholder, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as TemplatePlaceholder] : whole,
  );
}

/** The {{names}} in a template's text that the portal does not fill, each once. */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !Object.hasOwn(TEMPLATE_PLACEHOLDERS, name)))];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: the route's 404, never a database error. */
export function requireId(value: string, notFound: () => Error): string {
  if (!UUID.test(value)) throw notFound();
  return value.toLowerCase();
}
