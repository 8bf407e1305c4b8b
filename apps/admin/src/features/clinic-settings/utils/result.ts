import { useState } from 'react';

export type SettingsResult = { tone: 'success'; text: string } | { tone: 'error'; error: unknown };

/** The outcome of the last toggle in a table, with a key so each new one takes focus. */
export function useSettingsResult() {
  const [result, setResult] = useState<{ value: SettingsResult; key: number } | null>(null);
  const report = (value: SettingsResult) =>
    setResult((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));
  return { result, report };
}
