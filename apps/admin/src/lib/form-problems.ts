import type { ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { fieldProblems } from './api-errors';

/**
 * The error state every form here shares: messages by field, a summary that links to each
 * field, and failures that belong to no field. Client checks and the API's 400/409/422
 * `errors` land in the same places.
 */
export function useFormProblems<F extends string>(
  fields: readonly F[],
  idOf: (field: F) => string,
) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);

  const show = (next: Partial<Record<F, string>>, other: string[] = []) => {
    setErrors(next);
    setSummary([
      ...fields
        .filter((field) => next[field])
        .map((field) => ({ message: next[field] ?? '', targetId: idOf(field) })),
      ...other.map((message) => ({ message })),
    ]);
  };

  return {
    errors,
    summary,
    attempt,
    failure,
    /** A new submit: the summary takes focus again even if it says the same. */
    begin: () => {
      setAttempt((count) => count + 1);
      setFailure(null);
    },
    clear: () => {
      setErrors({});
      setSummary(null);
    },
    show,
    /** Puts the API's field errors by their fields; anything else is a failure to explain. */
    fail: (error: unknown, resolve: (serverField: string) => F | undefined) => {
      const problems = fieldProblems(error, resolve);
      if (problems.length === 0) {
        setFailure(error);
        return;
      }
      const next: Partial<Record<F, string>> = {};
      const other: string[] = [];
      for (const { field, message } of problems) {
        if (field) next[field] ??= message;
        else other.push(message);
      }
      show(next, other);
    },
  };
}

/** The server field when it is one of the form's own fields. */
export function sameField<F extends string>(fields: readonly F[]) {
  return (serverField: string): F | undefined =>
    (fields as readonly string[]).includes(serverField) ? (serverField as F) : undefined;
}

export type FormProblemsState<F extends string> = ReturnType<typeof useFormProblems<F>>;

/**
 * The submit every form here shares: the client checks first; only a form without problems is
 * sent, once at a time, and what the API finds wrong lands by the fields as well.
 */
export function useFormSubmit<F extends string>(
  problems: FormProblemsState<F>,
  resolve: (serverField: string) => F | undefined,
) {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    submit: async (
      event: FormEvent<HTMLFormElement>,
      check: () => Partial<Record<F, string>>,
      send: () => Promise<unknown>,
    ) => {
      event.preventDefault();
      if (busy) return;
      problems.begin();
      const hints = check();
      if (Object.keys(hints).length > 0) {
        problems.show(hints);
        return;
      }
      problems.clear();
      setBusy(true);
      try {
        await send();
      } catch (error) {
        problems.fail(error, resolve);
      } finally {
        setBusy(false);
      }
    },
  };
}
