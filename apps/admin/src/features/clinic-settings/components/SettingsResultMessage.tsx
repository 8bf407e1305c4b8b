import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { SettingsResult } from '../utils/result';

export function SettingsResultMessage({
  result,
  focusKey,
}: {
  result: SettingsResult;
  focusKey: unknown;
}) {
  return result.tone === 'error' ? (
    <ActionMessage plain focusKey={focusKey}>
      <ApiErrorAlert error={result.error} />
    </ActionMessage>
  ) : (
    <ActionMessage focusKey={focusKey}>{result.text}</ActionMessage>
  );
}
