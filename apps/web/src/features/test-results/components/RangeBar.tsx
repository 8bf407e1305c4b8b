import type { Comparison } from '../utils/ranges';

export interface RangeBarProps {
  value: number;
  low: number | null;
  high: number | null;
  comparison: Comparison;
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

/**
 * A picture of where the value falls against the usual range. Decorative: the sentence beside
 * it says the same in words, so it is hidden from screen readers.
 */
export function RangeBar({ value, low, high, comparison }: RangeBarProps) {
  if (low === null && high === null) {
    return null;
  }
  const start = Math.min(low ?? high ?? value, value);
  const end = Math.max(high ?? low ?? value, value);
  const pad = (end - start || Math.abs(value) || 1) * 0.25;
  const min = start - pad;
  const max = end + pad;
  const at = (x: number) => clamp(((x - min) / (max - min)) * 100);
  const bandStart = low === null ? 0 : at(low);
  const bandEnd = high === null ? 100 : at(high);
  return (
    <div className="results-range" aria-hidden="true">
      <div className="results-range__track">
        <div
          className="results-range__band"
          style={{ left: `${bandStart}%`, width: `${bandEnd - bandStart}%` }}
        />
        <div
          className={`results-range__marker results-range__marker--${comparison}`}
          style={{ left: `${at(value)}%` }}
        />
      </div>
    </div>
  );
}
