import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';

export const CODE_SYSTEMS = ['icd10cm', 'cvx', 'loinc', 'rxnorm'] as const;
export type CodeSystemId = (typeof CODE_SYSTEMS)[number];

export interface CodeEntry {
  code: string;
  display: string;
  /** An everyday name for patients (High blood pressure), where the display is a medical term. */
  plain?: string;
}

export interface LoincEntry extends CodeEntry {
  category: 'laboratory' | 'vital-signs';
  /** A panel groups other tests and carries no value of its own. */
  panel?: boolean;
  /** The UCUM unit results are written in by default; none for qualitative tests and panels. */
  unit?: string;
  /** Every UCUM unit accepted for the test, the default first. */
  units?: string[];
  /** Adult reference range, where one applies to everyone. */
  referenceLow?: number;
  referenceHigh?: number;
}

export interface CodeList<T extends CodeEntry = CodeEntry> {
  /** The name used in records, like ICD-10-CM. */
  system: string;
  /** The FHIR system URI. */
  uri: string;
  version: string;
  codes: T[];
}

interface CodeLists {
  icd10cm: CodeList;
  cvx: CodeList;
  loinc: CodeList<LoincEntry>;
  rxnorm: CodeList;
}

function load<T extends CodeEntry>(name: string): CodeList<T> {
  const file = fileURLToPath(new URL(`./code-lists/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as CodeList<T>;
}

/** Lower case without accents or punctuation, for matching what someone types. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

// Read once: the lists ship with the application and never change while it runs.
const LISTS: CodeLists = {
  icd10cm: load('icd10cm'),
  cvx: load('cvx'),
  loinc: load<LoincEntry>('loinc'),
  rxnorm: load('rxnorm'),
};

/**
 * The code lists records are coded in (ICD-10-CM diagnoses, CVX vaccines, LOINC tests with
 * their UCUM units, RxNorm medications), shipped with the application as versioned JSON files. A code outside
 * the lists is refused when a record is written, so every stored code has a known display.
 */
@Injectable()
export class TerminologyService {
  private static shared: TerminologyService | undefined;
  private readonly lists = LISTS;
  private readonly byCode = new Map<CodeSystemId, Map<string, CodeEntry>>(
    CODE_SYSTEMS.map((system) => [
      system,
      new Map(this.lists[system].codes.map((entry) => [entry.code.toUpperCase(), entry])),
    ]),
  );
  private readonly folded = new Map<CodeSystemId, string[]>(
    CODE_SYSTEMS.map((system) => [
      system,
      this.lists[system].codes.map((entry) => fold(entry.display)),
    ]),
  );

  isSystem(system: string): system is CodeSystemId {
    return (CODE_SYSTEMS as readonly string[]).includes(system);
  }

  /** The list's name, FHIR URI and version (without its codes). */
  describe(system: CodeSystemId): Omit<CodeList, 'codes'> {
    const { codes: _codes, ...rest } = this.lists[system];
    return rest;
  }

  version(system: CodeSystemId): string {
    return this.lists[system].version;
  }

  /** Every entry of a list, in the list's order. */
  all(system: 'loinc'): readonly LoincEntry[];
  all(system: CodeSystemId): readonly CodeEntry[];
  all(system: CodeSystemId): readonly CodeEntry[] {
    return this.lists[system].codes;
  }

  /** The entry for a code (any letter case), or null when the list does not hold it. */
  lookup(system: 'loinc', code: string): LoincEntry | null;
  lookup(system: CodeSystemId, code: string): CodeEntry | null;
  lookup(system: CodeSystemId, code: string): CodeEntry | null {
    if (typeof code !== 'string') return null;
    return this.byCode.get(system)!.get(code.trim().toUpperCase()) ?? null;
  }

  /** The everyday name of a code for patients, or null when the list gives none. */
  plainName(system: CodeSystemId, code: string): string | null {
    return this.lookup(system, code)?.plain ?? null;
  }

  /**
   * The same, for code that turns stored rows into views without the service at hand (the
   * lists are fixed, so every instance answers alike); an in-memory look-up, no query.
   */
  static plainName(system: CodeSystemId, code: string): string | null {
    TerminologyService.shared ??= new TerminologyService();
    return TerminologyService.shared.plainName(system, code);
  }

  /**
   * Codes whose code starts with the text, or whose display holds every word of it; exact code
   * first, then code prefixes, then displays starting with the text, each in the list's order.
   * Empty text gives the start of the list.
   */
  search(system: 'loinc', text: string, limit: number): LoincEntry[];
  search(system: CodeSystemId, text: string, limit: number): CodeEntry[];
  search(system: CodeSystemId, text: string, limit: number): CodeEntry[] {
    const codes = this.lists[system].codes;
    // Codes hold dots and dashes (E11.9, 4548-4), so they are matched on the text as typed.
    const typed = (text ?? '').trim().toLowerCase();
    const query = fold(typed);
    if (!typed) return codes.slice(0, limit);
    const words = query.split(' ');
    const displays = this.folded.get(system)!;
    const ranked: { entry: CodeEntry; rank: number; index: number }[] = [];
    codes.forEach((entry, index) => {
      const code = entry.code.toLowerCase();
      const display = displays[index]!;
      let rank: number;
      if (code === typed) rank = 0;
      else if (code.startsWith(typed)) rank = 1;
      else if (query && display.startsWith(query)) rank = 2;
      else if (query && words.every((word) => display.includes(word))) rank = 3;
      else return;
      ranked.push({ entry, rank, index });
    });
    ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
    return ranked.slice(0, limit).map((item) => item.entry);
  }

  /**
   * True when results of the LOINC test may be written in the UCUM unit (exactly, as UCUM is
   * case-sensitive). A test without units (a panel, a qualitative test) takes no unit.
   */
  isUnitAllowed(loincCode: string, unit: string | null | undefined): boolean {
    const entry = this.lookup('loinc', loincCode);
    if (!entry) return false;
    if (!entry.units?.length) return unit === null || unit === undefined || unit === '';
    return typeof unit === 'string' && entry.units.includes(unit);
  }
}
