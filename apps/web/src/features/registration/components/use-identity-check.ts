import { isApiError, type ApiError, type JsonRequestBody } from '@portal/api-client';
import type { ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../lib/api-queries';
import type { IdentityVerified } from '../api';
import { stopReason, type StopReason } from '../utils/registration-errors';

type VerifyBody = JsonRequestBody<'verifyRegistrationIdentity'>;

export interface IdentityCheckOptions<F> {
  onVerified: (verified: IdentityVerified) => void;
  onStopped: (reason: StopReason) => void;
  /** What a refusal says about the typed field; undefined when it is about something else. */
  fieldProblem: (error: ApiError) => F | undefined;
}

/**
 * What the two "prove it's you" forms share: the field's error and the form's failure, the
 * submit count that moves focus to the error summary again, and the submit itself.
 */
export function useIdentityCheck<F>({
  onVerified,
  onStopped,
  fieldProblem,
}: IdentityCheckOptions<F>) {
  const { t } = useTranslation();
  const verify = $api.useMutation('post', '/api/v1/registration/verify-identity');
  const [fieldError, setFieldError] = useState<F | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  /** `check` turns what was typed into the request, or a field error to show instead. */
  const submit = async (
    event: FormEvent<HTMLFormElement>,
    check: () => { body: VerifyBody } | { problem: F },
  ) => {
    event.preventDefault();
    if (verify.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    setFailure(null);
    const checked = check();
    if ('problem' in checked) {
      setFieldError(checked.problem);
      return;
    }
    setFieldError(null);
    try {
      onVerified(await verify.mutateAsync({ body: checked.body }));
    } catch (error) {
      const reason = stopReason(error);
      if (reason) {
        onStopped(reason);
        return;
      }
      const problem = isApiError(error) ? fieldProblem(error) : undefined;
      setFieldError(problem ?? null);
      if (problem === undefined) {
        setFailure(
          !isApiError(error)
            ? t('common.errors.network')
            : error.status >= 500 || !error.detail
              ? t('common.errors.unexpected')
              : error.detail,
        );
      }
    }
  };

  /** The error summary's lines: the field's (linking to `targetId`), then the form's. */
  const summaryItems = (fieldItem: (problem: F) => ErrorSummaryItem): ErrorSummaryItem[] => [
    ...(fieldError ? [fieldItem(fieldError)] : []),
    ...(failure ? [{ message: failure }] : []),
  ];

  return { pending: verify.isPending, fieldError, attempt, submit, summaryItems };
}
