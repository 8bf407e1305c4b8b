import { isApiError } from '@portal/api-client';
import type { ErrorSummaryItem } from '@portal/ui';

/**
 * Turns a refused change into error summary lines, each linked to what the person can change:
 * `targets` maps the API's field names (startsAt, visitTypeId, reason…) to element ids.
 * Business rules (422) say it in the API's own sentence; validation (400) field by field.
 * Returns null for failures that are not the API's answer (network, server errors).
 */
export function problemItems(
  error: unknown,
  targets: Record<string, string>,
): ErrorSummaryItem[] | null {
  if (!isApiError(error) || error.status >= 500 || error.code.startsWith('client.')) {
    return null;
  }
  const target = (field: string | undefined) => (field ? targets[field] : undefined);
  if (error.status === 400 && error.fieldErrors.length > 0) {
    return error.fieldErrors.map(({ field, message }) => ({ message, targetId: target(field) }));
  }
  const message = error.detail || error.title;
  if (!message) {
    return null;
  }
  return [{ message, targetId: target(error.fieldErrors[0]?.field) }];
}
