import { ErrorSummary, type ErrorSummaryItem } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert';

export interface FormProblemsProps {
  /** The summary's id, for a form that names it in aria-describedby. */
  id?: string;
  /** Links to each field in error; null when there is nothing to say. */
  summary: ErrorSummaryItem[] | null;
  /** Changes on every submit, so the summary takes focus again. */
  attempt: number;
  /** A failure that belongs to no field. */
  failure?: unknown;
}

/** What stands above a form after a submit: its error summary, then a failure to explain. */
export function FormProblems({ id, summary, attempt, failure }: FormProblemsProps) {
  const { t } = useTranslation();
  return (
    <>
      {summary ? (
        <ErrorSummary
          id={id}
          title={t('sections.errors.summaryTitle')}
          errors={summary}
          focusKey={attempt}
        />
      ) : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
    </>
  );
}
