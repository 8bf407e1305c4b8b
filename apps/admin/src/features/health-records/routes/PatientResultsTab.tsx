import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import '../../../components/sections.css';
import { SelectField } from '../../../components/SelectField';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { usePatientRecord } from '../../../lib/patient-record';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedQueryOptions } from '../../../lib/api';
import { RESULTS_PAGE_SIZE, type ResultFilters } from '../api/results';
import { ReportDetail } from '../components/ReportDetail';
import { AbnormalWords, ReleaseBadge } from '../components/ResultBadges';
import { ResultForm } from '../components/ResultForm';
import { VitalsForm } from '../components/VitalsForm';
import { VitalsTable } from '../components/VitalsTable';
import '../health-records.css';

const CATEGORIES = ['laboratory', 'imaging', 'other'] as const;

function readFilters(params: URLSearchParams): ResultFilters {
  const category = CATEGORIES.find((c) => c === params.get('category'));
  return { category, abnormal: params.get('abnormal') === 'true' };
}

/**
 * The chart's results tab: reports newest first with release state and flags in words (the
 * filters and the open report live in the address), entering results and vital signs,
 * correcting a value, and releasing a held report (providers).
 */
export function PatientResultsTab() {
  const { t } = useTranslation();
  const patient = usePatientRecord();
  const canEdit = useCanUse('healthRecordEdit');
  const canRelease = useCanUse('resultsReview');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const openId = params.get('report');
  const list = useInfiniteQuery(
    pagedQueryOptions('/api/v1/patients/{patientId}/results', {
      path: { patientId: patient.id },
      query: {
        limit: RESULTS_PAGE_SIZE,
        category: filters.category,
        abnormal: filters.abnormal ? true : undefined,
      },
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [form, setForm] = useState<'result' | 'vitals' | null>(null);
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);

  const say = (text: string) => setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
  const setParam = (name: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== 'report' },
    );

  const cancelButton = (
    <Button variant="secondary" onClick={() => setForm(null)}>
      {t('sections.cancel')}
    </Button>
  );

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('healthRecords.results.heading')}</h2>
      {canEdit && !form ? (
        <div className="admin-page-actions">
          <Button onClick={() => setForm('result')}>{t('healthRecords.results.enter')}</Button>
          <Button variant="secondary" onClick={() => setForm('vitals')}>
            {t('healthRecords.vitals.enter')}
          </Button>
        </div>
      ) : null}
      {message ? <ActionMessage focusKey={message.key}>{message.text}</ActionMessage> : null}
      {form === 'result' ? (
        <section className="hr-section ui-card" aria-labelledby="result-form-heading">
          <h3 id="result-form-heading">{t('healthRecords.results.enter')}</h3>
          <ResultForm
            patientId={patient.id}
            cancel={cancelButton}
            onSaved={(report) => {
              setForm(null);
              say(
                t(
                  report.releaseState === 'held'
                    ? 'healthRecords.results.savedHeld'
                    : 'healthRecords.results.savedReleased',
                  { title: report.title },
                ),
              );
              setParam('report', report.id);
            }}
          />
        </section>
      ) : null}
      {form === 'vitals' ? (
        <section className="hr-section ui-card" aria-labelledby="vitals-form-heading">
          <h3 id="vitals-form-heading">{t('healthRecords.vitals.enter')}</h3>
          <VitalsForm
            patientId={patient.id}
            cancel={cancelButton}
            onSaved={(count) => {
              setForm(null);
              say(t('healthRecords.vitals.saved', { count }));
            }}
          />
        </section>
      ) : null}
      {openId ? (
        <ReportDetail
          key={openId}
          patientId={patient.id}
          reportId={openId}
          canEdit={canEdit}
          canRelease={canRelease}
          onDone={say}
          onClose={() => setParam('report', null)}
        />
      ) : null}
      <section className="hr-section" aria-labelledby="reports-heading">
        <h3 id="reports-heading">{t('healthRecords.results.reports')}</h3>
        <div className="admin-filters">
          <SelectField
            name="category"
            label={t('healthRecords.results.category')}
            value={filters.category ?? ''}
            onChange={(event) => setParam('category', event.target.value || null)}
            options={[
              { value: '', label: t('healthRecords.results.allCategories') },
              ...CATEGORIES.map((value) => ({ value, label: t(`healthRecords.values.${value}`) })),
            ]}
          />
          <label className="admin-check">
            <input
              type="checkbox"
              checked={filters.abnormal ?? false}
              onChange={(event) => setParam('abnormal', event.target.checked ? 'true' : null)}
            />{' '}
            {t('healthRecords.results.onlyAbnormal')}
          </label>
        </div>
        {list.isPending ? (
          <LoadingState label={t('healthRecords.results.loading')}>
            <Skeleton height="2.5rem" />
          </LoadingState>
        ) : list.isError && !list.data ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <p>{t('healthRecords.results.none')}</p>
        ) : (
          <>
            <TableScroll captionId="reports-caption">
              <table className="admin-table">
                <caption id="reports-caption" className="ui-visually-hidden">
                  {t('healthRecords.results.reports')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('healthRecords.results.collected')}</th>
                    <th scope="col">{t('healthRecords.results.test')}</th>
                    <th scope="col">{t('healthRecords.columns.status')}</th>
                    <th scope="col">{t('healthRecords.results.releaseColumn')}</th>
                    <th scope="col">{t('healthRecords.results.flag')}</th>
                    <th scope="col">{t('healthRecords.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((report) => (
                    <tr key={report.id} aria-current={report.id === openId ? 'true' : undefined}>
                      <td className="admin-nowrap">
                        <Time value={report.effectiveAt} />
                      </td>
                      <th scope="row">
                        {report.title}
                        <br />
                        <span className="admin-muted">
                          {t(`healthRecords.values.${report.category}`)} ·{' '}
                          {t('healthRecords.results.count', { count: report.observationCount })}
                        </span>
                      </th>
                      <td>
                        {t(`healthRecords.values.${report.status}`)}
                        {report.corrected ? (
                          <>
                            {' '}
                            <StatusBadge tone="warning">{t('healthRecords.corrected')}</StatusBadge>
                          </>
                        ) : null}
                      </td>
                      <td>
                        <ReleaseBadge state={report.releaseState} />
                      </td>
                      <td>
                        <AbnormalWords abnormal={report.abnormal} />
                      </td>
                      <td>
                        <Button variant="secondary" onClick={() => setParam('report', report.id)}>
                          {t('healthRecords.results.open')}
                          <span className="ui-visually-hidden"> {report.title}</span>
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <QueryLoadMore list={list} shown={items.length} onlyWithMore />
          </>
        )}
      </section>
      <section className="hr-section" aria-labelledby="vitals-heading">
        <h3 id="vitals-heading">{t('healthRecords.vitals.title')}</h3>
        <VitalsTable patientId={patient.id} />
      </section>
    </section>
  );
}
