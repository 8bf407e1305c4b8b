import { isApiError } from '@portal/api-client';
import { Alert, Button } from '@portal/ui';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { TableScroll } from '../../../components/TableScroll';
import { $api } from '../../../lib/api';
import { useImportChange } from '../api/results-review';
import { countRows, formatOf, MAX_IMPORT_BYTES, type ImportFormat } from '../utils/import-file';

interface ChosenFile {
  name: string;
  format: ImportFormat;
  content: string;
  rows: number | null;
}

/**
 * Imports a lab's file of results: a CSV or a FHIR bundle, read in the browser and sent as
 * text. The API takes every row or none; when it refuses, its list of problems by line shows
 * here, so the file can be fixed and sent again.
 */
export function ImportResultsPage() {
  const { t } = useTranslation();
  const inputId = useId();
  // All rows or none.
  const importResults = $api.useMutation('post', '/api/v1/results/imports', useImportChange());
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    importResults.reset();
    setFile(null);
    setFileError(undefined);
    const picked = event.target.files?.[0];
    if (!picked) return;
    const format = formatOf(picked.name);
    if (!format) {
      setFileError(t('resultsReview.import.wrongType'));
      return;
    }
    if (picked.size > MAX_IMPORT_BYTES) {
      setFileError(t('resultsReview.import.tooLarge'));
      return;
    }
    const content = await picked.text();
    setFile({ name: picked.name, format, content, rows: countRows(format, content) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (importResults.isPending) return;
    if (!file) {
      setFileError(t('resultsReview.import.noFile'));
      document.getElementById(inputId)?.focus();
      return;
    }
    setAttempt((n) => n + 1);
    try {
      await importResults.mutateAsync({
        body: { format: file.format, fileName: file.name, content: file.content },
      });
    } catch {
      // Shown below: the line errors, or what went wrong.
    }
  };

  const rejected =
    isApiError(importResults.error) && importResults.error.fieldErrors.length > 0
      ? importResults.error
      : null;
  const done = importResults.data;

  return (
    <Page title={t('resultsReview.import.title')}>
      <p>{t('resultsReview.import.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label={t('resultsReview.import.title')}
      >
        <div className={['ui-field', fileError ? 'ui-field--invalid' : ''].join(' ')}>
          <label className="ui-field__label" htmlFor={inputId}>
            {t('resultsReview.import.file')}
          </label>
          <p className="ui-field__hint" id={`${inputId}-hint`}>
            {t('resultsReview.import.fileHint')}
          </p>
          {fileError ? (
            <p className="ui-field__error" id={`${inputId}-error`}>
              {fileError}
            </p>
          ) : null}
          <input
            id={inputId}
            type="file"
            accept=".csv,.json"
            aria-describedby={`${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => void choose(event)}
          />
        </div>
        {file ? (
          <p role="status">
            {t(`resultsReview.import.preview.${file.format}`, {
              name: file.name,
              count: file.rows ?? 0,
            })}
          </p>
        ) : null}
        <div className="ui-actions">
          <Button type="submit" busy={importResults.isPending}>
            {importResults.isPending ? t('sections.working') : t('resultsReview.import.submit')}
          </Button>
        </div>
      </form>
      {done ? (
        <ActionMessage focusKey={attempt} title={t('resultsReview.import.doneTitle')}>
          {t('resultsReview.import.done', {
            reports: done.reports,
            observations: done.observations,
            patients: done.patients,
          })}
        </ActionMessage>
      ) : null}
      {rejected ? (
        <ActionMessage plain focusKey={attempt}>
          <Alert tone="error" title={t('resultsReview.import.rejectedTitle')}>
            <p>{rejected.detail || t('resultsReview.import.rejected')}</p>
          </Alert>
        </ActionMessage>
      ) : null}
      {rejected ? (
        <TableScroll captionId="import-errors-caption">
          <table className="admin-table">
            <caption id="import-errors-caption">
              {t('resultsReview.import.errors', { count: rejected.fieldErrors.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('resultsReview.import.where')}</th>
                <th scope="col">{t('resultsReview.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.fieldErrors.map((error, index) => (
                <tr key={`${error.field}-${index}`}>
                  <th scope="row" className="admin-mono">
                    {error.field}
                  </th>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : importResults.error ? (
        <ApiErrorAlert error={importResults.error} />
      ) : null}
    </Page>
  );
}
