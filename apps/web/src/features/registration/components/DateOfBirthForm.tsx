import { Button, ErrorSummary } from '@portal/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { IdentityVerified } from '../api';
import {
  datePartOrder,
  exampleDate,
  parseDateOfBirth,
  type DatePart,
  type DateParts,
} from '../utils/date-of-birth';
import { triesLeft, type StopReason } from '../utils/registration-errors';
import { DateOfBirthFields } from './DateOfBirthFields';
import { useIdentityCheck } from './use-identity-check';

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
  const [value, setValue] = useState<DateParts>({ day: '', month: '', year: '' });
  const check = useIdentityCheck<FieldError>({
    onVerified,
    onStopped,
    fieldProblem: (error) => {
      const message = error.fieldError('dateOfBirth');
      if (error.code !== 'identity_not_confirmed' && !message) {
        return undefined;
      }
      const left = triesLeft(message ?? error.detail);
      return {
        message:
          left === undefined
            ? message || error.detail
            : t('registration.dob.errors.wrong', { count: left }),
        parts: ALL_PARTS,
      };
    },
  });
  const firstId = IDS[order[0] ?? 'day'];

  useEffect(() => {
    if (focusOnMount) {
      document.getElementById(firstId)?.focus();
    }
  }, [focusOnMount, firstId]);

  const submit = (event: FormEvent<HTMLFormElement>) =>
    check.submit(event, () => {
      const parsed = parseDateOfBirth(value);
      return parsed.ok
        ? { body: { token, dateOfBirth: parsed.iso } }
        : {
            problem: {
              message: t(`registration.dob.errors.${parsed.problem}`, { example }),
              parts: parsed.parts,
            },
          };
    });

  const fieldError = check.fieldError;
  const items = check.summaryItems((problem) => {
    const target = order.find((part) => problem.parts.includes(part)) ?? order[0] ?? 'day';
    return { message: problem.message, targetId: IDS[target] };
  });

  return (
    <>
      {items.length > 0 ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={items}
          focusKey={check.attempt}
        />
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
        <Button type="submit" busy={check.pending}>
          {check.pending ? t('registration.checking') : t('registration.continue')}
        </Button>
      </form>
    </>
  );
}
