import type { TFunction } from 'i18next';
import { compareWithRange, decimals, formatMeasure, withUnit, type Comparable } from './ranges';

export interface ValueForWords extends Comparable {
  valueText?: string | null;
  unit?: string | null;
  referenceText?: string | null;
}

/** "4.0 to 5.6 %", "40 mg/dL or higher", or the lab's own words; null without a range. */
export function rangeWords(t: TFunction, value: ValueForWords, locale: string): string | null {
  const low = value.referenceLow ?? null;
  const high = value.referenceHigh ?? null;
  const digits = Math.max(low === null ? 0 : decimals(low), high === null ? 0 : decimals(high));
  const format = (n: number) => formatMeasure(n, locale, digits);
  if (low !== null && high !== null) {
    return t('testResults.value.between', {
      low: format(low),
      high: withUnit(format(high), value.unit),
    });
  }
  if (low !== null) {
    return t('testResults.value.atLeast', { low: withUnit(format(low), value.unit) });
  }
  if (high !== null) {
    return t('testResults.value.atMost', { high: withUnit(format(high), value.unit) });
  }
  return value.referenceText || null;
}

/**
 * The value against its usual range in plain sentences: "Your result is 7.2 %. The usual range
 * is 4.0 to 5.6 %. This is higher than the usual range."
 */
export function valueSentences(t: TFunction, value: ValueForWords, locale: string): string[] {
  const sentences: string[] = [];
  if (value.valueQuantity !== null && value.valueQuantity !== undefined) {
    sentences.push(
      t('testResults.value.result', {
        value: withUnit(formatMeasure(value.valueQuantity, locale), value.unit),
      }),
    );
  } else if (value.valueText) {
    sentences.push(t('testResults.value.resultText', { value: value.valueText }));
  }
  const range = rangeWords(t, value, locale);
  if (range) {
    sentences.push(t('testResults.value.usualRange', { range }));
  }
  const comparison = compareWithRange(value);
  if (comparison !== 'unknown') {
    sentences.push(t(`testResults.value.verdict.${comparison}`));
  }
  if (['HH', 'LL', 'AA'].includes(value.interpretation ?? '')) {
    sentences.push(t('testResults.value.critical'));
  }
  return sentences;
}
