import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { ActionResult } from '../utils/action-result';

/** The outcome of the last action on an appointment; it takes focus when it appears. */
export function ActionResultMessage({
  result,
  focusKey,
}: {
  result: ActionResult;
  focusKey: unknown;
}) {
  if (result.tone === 'error') {
    return (
      <ActionMessage plain focusKey={focusKey}>
        <ApiErrorAlert error={result.error} />
      </ActionMessage>
    );
  }
  return (
    <ActionMessage tone={result.tone} focusKey={focusKey}>
      {result.text}
    </ActionMessage>
  );
}
