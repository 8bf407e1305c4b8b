import { Button, LoadingState, Skeleton, TextField } from '@portal/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { formatNumericDate } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { NEW_PATIENT_PATH } from '../../../lib/paths';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedQueryOptions } from '../../../lib/api';
import { PATIENT_PAGE_SIZE, PATIENTS_PATH } from '../api/patients';
import { PatientResultsTable } from '../components/PatientResultsTable';
import { parseSearch } from '../utils/search-terms';

const SEARCH_ID = 'patient-search';
const EXAMPLE_DATE = '1968-04-12';

/** True when a key press is typing into something, where "/" must stay a slash. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Find a patient by name, MRN or date of birth from one search box. The search lives in the
 * address (?q=) so Back, reload and shared links show the same results; "/" jumps to the box.
 */
export function PatientSearchPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const canRegister = useCanUse('patientEdit');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const inputRef = useRef<HTMLInputElement>(null);

  // Back and Forward change ?q= without this form: show what is being searched for.
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setText(q);
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const search = parseSearch(q, locale);
  // Runs only when there is something to search for.
  const results = useInfiniteQuery({
    ...pagedQueryOptions(PATIENTS_PATH, { query: { ...search, limit: PATIENT_PAGE_SIZE } }),
    enabled: search !== null,
  });
  const patients = results.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    // flushSync rather than a transition: the form's submit event must not become a React
    // form action (React would then collect the form's FormData for nothing).
    setParams(next ? { q: next } : {}, { flushSync: true });
  };

  return (
    <Page title={t('patients.search.title')}>
      {canRegister ? (
        <div className="admin-page-actions">
          <Link className="ui-button ui-button--primary" to={NEW_PATIENT_PATH}>
            {t('patients.search.newPatient')}
          </Link>
        </div>
      ) : null}
      <form role="search" aria-label={t('patients.search.formLabel')} onSubmit={submit}>
        <div className="admin-search">
          <TextField
            ref={inputRef}
            id={SEARCH_ID}
            name="q"
            type="search"
            label={t('patients.search.label')}
            hint={t('patients.search.hint', {
              iso: EXAMPLE_DATE,
              local: formatNumericDate(EXAMPLE_DATE, locale),
            })}
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit">{t('patients.search.submit')}</Button>
        </div>
      </form>

      {search === null ? (
        <p>{t('patients.search.prompt')}</p>
      ) : results.isPending ? (
        <LoadingState label={t('patients.search.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : results.isError && !results.data ? (
        <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : patients.length === 0 ? (
        <div role="status">
          <p>{t('patients.search.none', { search: q })}</p>
          {canRegister ? (
            <p>
              <Link to={NEW_PATIENT_PATH}>{t('patients.search.noneRegister')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <PatientResultsTable patients={patients} search={q} />
          <QueryLoadMore list={results} shown={patients.length} />
        </>
      )}
    </Page>
  );
}
