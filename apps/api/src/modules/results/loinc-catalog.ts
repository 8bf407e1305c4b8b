import type { TerminologyService } from '../terminology/terminology.service.js';
import type { LoincCatalog } from './observation-rules.js';

/** The LOINC list as the observation rules read it. */
export function loincCatalog(terminology: TerminologyService): LoincCatalog {
  const version = terminology.version('loinc');
  return {
    find(code) {
      const entry = terminology.lookup('loinc', code);
      if (!entry) return null;
      return {
        code: entry.code,
        display: entry.display,
        version,
        category: entry.category,
        panel: entry.panel === true,
        unit: entry.unit ?? null,
        referenceLow: entry.referenceLow ?? null,
        referenceHigh: entry.referenceHigh ?? null,
      };
    },
    unitAllowed: (code, unit) => terminology.isUnitAllowed(code, unit),
    units: (code) => terminology.lookup('loinc', code)?.units ?? [],
  };
}
