import { describe, expect, it } from '@jest/globals';
import { CODE_SYSTEMS, TerminologyService } from './terminology.service.js';

const terminology = new TerminologyService();
const UCUM = /^[!-~]+$/;

describe('code lists', () => {
  it.each(CODE_SYSTEMS)('%s has no duplicate codes and a display for each', (system) => {
    const codes = terminology.all(system).map((entry) => entry.code.toUpperCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of terminology.all(system)) expect(entry.display.trim()).not.toBe('');
    expect(terminology.version(system)).toMatch(/\S/);
  });

  it.each(CODE_SYSTEMS)('%s gives plain names that are words of their own', (system) => {
    const plain = terminology.all(system).filter((entry) => entry.plain !== undefined);
    expect(plain.length).toBeGreaterThan(terminology.all(system).length / 2);
    for (const entry of plain) {
      expect(entry.plain!.trim()).not.toBe('');
      expect(entry.plain!.trim()).toBe(entry.plain);
      expect(entry.plain!.toLowerCase()).not.toBe(entry.display.toLowerCase());
    }
  });

  it('names the common codes in plain words', () => {
    expect(terminology.lookup('icd10cm', 'I10')?.plain).toBe('High blood pressure');
    expect(terminology.plainName('icd10cm', 'e11.9')).toBe('Type 2 diabetes');
    expect(terminology.plainName('icd10cm', 'E78.5')).toBe('High cholesterol');
    expect(terminology.plainName('icd10cm', 'J45.909')).toBe('Asthma');
    // Already plain: the display is shown as it is.
    expect(terminology.plainName('icd10cm', 'R73.03')).toBeNull();
    expect(terminology.lookup('icd10cm', 'R73.03')?.display).toBe('Prediabetes');
    expect(terminology.plainName('cvx', '140')).toBe('Flu shot');
    expect(terminology.plainName('cvx', '115')).toBe(
      'Tetanus, diphtheria and whooping cough (Tdap)',
    );
    expect(terminology.plainName('cvx', '208')).toBe('COVID-19 vaccine');
    expect(terminology.plainName('loinc', '4548-4')).toBe(
      'A1c (average blood sugar over 3 months)',
    );
    expect(terminology.plainName('loinc', '13457-7')).toBe('LDL ("bad") cholesterol');
    expect(terminology.plainName('loinc', '8480-6')).toBe('Blood pressure (top number)');
    expect(terminology.plainName('loinc', '9999-9')).toBeNull();
  });

  it('holds the common codes records rely on', () => {
    for (const code of ['I10', 'E11.9', 'E78.5', 'J45.909']) {
      expect(terminology.lookup('icd10cm', code)).not.toBeNull();
    }
    for (const code of ['08', '20', '21', '33', '88', '140', '141', '150', '158', '187', '208']) {
      expect(terminology.lookup('cvx', code)).not.toBeNull();
    }
    for (const code of ['213', '300', '4548-4', '24331-1', '58410-2', '59408-5', '2708-6']) {
      expect(terminology.lookup('cvx', code) ?? terminology.lookup('loinc', code)).not.toBeNull();
    }
    expect(terminology.all('icd10cm').length).toBeGreaterThanOrEqual(150);
    expect(terminology.all('cvx').length).toBeGreaterThanOrEqual(50);
    expect(terminology.all('loinc').length).toBeGreaterThanOrEqual(80);
  });

  it('writes ICD-10-CM codes in their dotted form', () => {
    for (const { code } of terminology.all('icd10cm')) {
      expect(code).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/);
    }
    for (const { code } of terminology.all('cvx')) expect(code).toMatch(/^\d{2,3}$/);
  });

  it('gives each LOINC test with a unit its default among its allowed units, and a sane range', () => {
    for (const entry of terminology.all('loinc')) {
      expect(entry.code).toMatch(/^\d{1,7}-\d$/);
      expect(['laboratory', 'vital-signs']).toContain(entry.category);
      if (entry.unit === undefined) {
        expect(entry.units ?? []).toEqual([]);
        continue;
      }
      expect(entry.units).toContain(entry.unit);
      expect(entry.units![0]).toBe(entry.unit);
      for (const unit of entry.units!) expect(unit).toMatch(UCUM);
      if (entry.referenceLow !== undefined && entry.referenceHigh !== undefined) {
        expect(entry.referenceLow).toBeLessThan(entry.referenceHigh);
      }
    }
    expect(terminology.all('loinc').filter((entry) => entry.panel)).not.toHaveLength(0);
  });

  it('checks units exactly, and knows the contracted defaults', () => {
    expect(terminology.lookup('loinc', '4548-4')?.unit).toBe('%');
    expect(terminology.lookup('loinc', '2093-3')?.unit).toBe('mg/dL');
    expect(terminology.lookup('loinc', '8480-6')?.unit).toBe('mm[Hg]');
    expect(terminology.isUnitAllowed('2345-7', 'mmol/L')).toBe(true);
    expect(terminology.isUnitAllowed('2345-7', 'MG/DL')).toBe(false);
    expect(terminology.isUnitAllowed('2345-7', null)).toBe(false);
    expect(terminology.isUnitAllowed('9999-9', 'mg/dL')).toBe(false);
    expect(terminology.isUnitAllowed('24331-1', null)).toBe(true);
    expect(terminology.isUnitAllowed('24331-1', 'mg/dL')).toBe(false);
  });

  it('finds codes by code or by words of the name', () => {
    expect(terminology.lookup('icd10cm', 'e11.9')?.code).toBe('E11.9');
    expect(terminology.lookup('icd10cm', 'X99.9')).toBeNull();
    expect(terminology.search('icd10cm', 'I10', 5)[0]?.code).toBe('I10');
    expect(terminology.search('loinc', '4548-4', 5)[0]?.code).toBe('4548-4');
    expect(terminology.search('icd10cm', 'e11.', 50).every((e) => e.code.startsWith('E11.'))).toBe(
      true,
    );
    const diabetes = terminology.search('icd10cm', 'type 2 diabetes', 50);
    expect(diabetes.length).toBeGreaterThan(3);
    for (const entry of diabetes) expect(entry.display.toLowerCase()).toContain('type 2 diabetes');
    expect(terminology.search('loinc', 'hdl cholesterol', 10).map((e) => e.code)).toContain(
      '2085-9',
    );
    expect(terminology.search('cvx', '', 3)).toHaveLength(3);
    expect(terminology.search('cvx', 'no such vaccine', 3)).toEqual([]);
  });
});
