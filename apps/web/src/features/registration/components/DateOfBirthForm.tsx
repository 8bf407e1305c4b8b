import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, type ErrorSummaryItem } from '@portal/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api-queries';
import type { IdentityVerified } from '../api';
import {
  datePartOrder,
  exampleDate,
  parseDateOfBirth,
  type DatePart,
  type DateParts,
} from '../utils/date-of-birth';
import { stopReason, triesLeft, type StopReason } from '../utils/registration-errors';
import { DateOfBirthFields } from './DateOfBirthFields';

const IDS: Record<DatePart, string> = {
  day: 'register-dob-day',
  month: 'register-dob-month',
  year: 'register-dob-year',
};
const ALL_PARTS: DatePart[] = ['day', 'month', 'year'];

interface FieldError {
  message: string;
  parts: DatePart[];
}

export interface DateOfBirthFormProps {
  token: string;
  onVerified: (verified: IdentityVerified) => void;
  onStopped: (reason: StopReason) => void;
  /** Put the cursor in the first box (when the patient switched back from the email code). */
  focusOnMount?: boolean;
}

/**
 * Proving identity with the date of birth. Typing slips are caught here; a date that does not
 * match says how many tries are left, in words; the fifth wrong date locks the invitation.
 */
export function DateOfBirthForm({
  token,
  onVerified,
  onStopped,
  focusOnMount,
}: DateOfBirthFormProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const order = datePartOrder(locale);
  const example = exampleDate(order);
  const verify = $api.useMutation('post', '/api/v1/registration/verify-identity');
  const [value, setValue] = useState<DateParts>({ day: '', month: '', year: '' });
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const firstId = IDS[order[0] ?? 'day'];

  useEffect(() => {
    if (focusOnMount) {
      document.getElementById(firstId)?.focus();
    }
  }, [focusOnMount, firstId]);

  const describe = (error: unknown): { field?: FieldError; failure?: string } => {
    if (!isApiError(error)) {
      return { failure: t('common.errors.network') };
    }
    const message = error.fieldError('dateOfBirth');
    if (error.code === 'identity_not_confirmed' || message) {
      const left = triesLeft(message ?? error.detail);
      return {
        field: {
          message:
            left === undefined
              ? message || error.detail
              : t('registration.dob.errors.wrong', { count: left }),
          parts: ALL_PARTS,
        },
      };
    }
    return {
      failure: error.status >= 500 || !error.detail ? t('common.errors.unexpected') : error.detail,
    };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (verify.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const parsed = parseDateOfBirth(value);
    if (!parsed.ok) {
      setFailure(null);
      setFieldError({
        message: t(`registration.dob.errors.${parsed.problem}`, { example }),
        parts: parsed.parts,
      });
      return;
    }
    setFieldError(null);
    setFailure(null);
    try {
      onVerified(await verify.mutateAsync({ body: { token, dateOfBirth: parsed.iso } }));
    } catch (error) {
      const reason = stopReason(error);
      if (reason) {
        onStopped(reason);
        return;
      }
      const described = describe(error);
      setFieldError(described.field ?? null);
      setFailure(described.failure ?? null);
    }
  };

  const items: ErrorSummaryItem[] = [];
  if (fieldError) {
    const target = order.find((part) => fieldError.parts.includes(part)) ?? order[0] ?? 'day';
    items.push({ message: fieldError.message, targetId: IDS[target] });
  }
  if (failure) {
    items.push({ message: failure });
  }

  return (
    <>
      {items.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={items} focusKey={attempt} />
      ) : null}
      <form
        noValidate
        aria-label={t('registration.dob.formLabel')}
        onSubmit={(e) => void submit(e)}
      >
        <DateOfBirthFields
          ids={IDS}
          order={order}
          value={value}
          onChange={setValue}
          example={example}
          error={fieldError?.message}
          invalidParts={fieldError?.parts}
        />
        <Button type="submit" busy={verify.isPending}>
          {verify.isPending ? t('registration.checking') : t('registration.continue')}
        </Button>
      </form>
    </>
  );
}
