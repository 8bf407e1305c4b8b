/**
 * FHIR R4 as plain JSON: the code systems the portal codes in and the small helpers every
 * resource mapping uses (the record kinds' descriptors and the whole-record export).
 */

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

/** The Bundle's entries are named urn:uuid:<id>; references use the same names. */
export const fullUrl = (id: string) => `urn:uuid:${id}`;
export const ref = (id: string) => ({ reference: fullUrl(id) });
export const text = (value: string | null | undefined) => (value ? value : undefined);
export const notes = (...values: (string | null | undefined)[]) => {
  const list = values.filter((v): v is string => !!v).map((v) => ({ text: v }));
  return list.length ? list : undefined;
};

/** Drops undefined members, so the JSON holds only what the record has. */
export function clean<T extends Record<string, unknown>>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== undefined)) as T;
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A dose like "0.5 mL" as a UCUM quantity, when it reads as one. */
export function quantity(value: string | null): Record<string, unknown> | undefined {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value) : null;
  return match
    ? { value: Number(match[1]), unit: match[2], system: UCUM, code: match[2] }
    : undefined;
}
