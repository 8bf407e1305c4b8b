import { Button, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Page } from '../../../components/Page';
import { QueryView } from '../../../components/QueryView';
import '../../../components/sections.css';
import { $api } from '../../../lib/api';
import { REFILLS_PATH } from '../../../lib/paths';
import { TURNAROUND } from '../api/refills';
import { useHoursInWords } from '../components/RefillWords';

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last twelve weeks, unless the address says otherwise (?from=&to=, UTC days). */
function readRange(params: URLSearchParams, now: number): { from: string; to: string } {
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: from && DATE.test(from) ? from : isoDay(now - 83 * DAY),
    to: to && DATE.test(to) ? to : isoDay(now),
  };
}

/** How fast refill requests are decided: per week, and per prescriber (median and 90th percentile). */
export function RefillTurnaroundPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const range = readRange(params, now);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const hours = useHoursInWords();
  const report = $api.useQuery('get', TURNAROUND, { params: { query: range } });

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams({ from, to }, { flushSync: true });
  };

  return (
    <Page title={t('refills.turnaround.title')}>
      <p>
        <Link to={REFILLS_PATH}>{t('refills.request.back')}</Link>
      </p>
      <p>{t('refills.turnaround.intro')}</p>
      <form className="admin-filters" aria-label={t('refills.turnaround.range')} onSubmit={apply}>
        <TextField
          name="from"
          type="date"
          label={t('refills.turnaround.from')}
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          name="to"
          type="date"
          label={t('refills.turnaround.to')}
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
        <div className="ui-actions">
          <Button type="submit" variant="secondary">
            {t('refills.turnaround.show')}
          </Button>
        </div>
      </form>
      <QueryView query={report} loadingLabel={t('refills.turnaround.loading')}>
        {(data) => (
          <>
            <section aria-labelledby="turnaround-prescribers">
              <h2 id="turnaround-prescribers">{t('refills.turnaround.byPrescriber')}</h2>
              {data.prescribers.length === 0 ? (
                <p>{t('refills.turnaround.noneDecided')}</p>
              ) : (
                <DataTable
                  captionId="turnaround-prescribers-caption"
                  caption={t('refills.turnaround.prescribersCaption')}
                  hiddenCaption
                  columns={[
                    t('refills.queue.prescriber'),
                    t('refills.turnaround.decided'),
                    t('refills.turnaround.median'),
                    t('refills.turnaround.p90'),
                  ]}
                >
                  {data.prescribers.map((row) => (
                    <tr key={row.prescriber ?? ''}>
                      <th scope="row">{row.prescriber ?? t('refills.queue.noPrescriber')}</th>
                      <td>{row.decided}</td>
                      <td>{hours(row.medianHours)}</td>
                      <td>{hours(row.p90Hours)}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
            <section aria-labelledby="turnaround-weeks">
              <h2 id="turnaround-weeks">{t('refills.turnaround.byWeek')}</h2>
              {data.weeks.length === 0 ? (
                <p>{t('refills.turnaround.noneRequested')}</p>
              ) : (
                <DataTable
                  captionId="turnaround-weeks-caption"
                  caption={t('refills.turnaround.weeksCaption')}
                  hiddenCaption
                  columns={[
                    t('refills.turnaround.week'),
                    t('refills.turnaround.requested'),
                    t('refills.turnaround.decided'),
                  ]}
                >
                  {data.weeks.map((week) => (
                    <tr key={week.weekStart}>
                      <th scope="row">
                        {t('refills.turnaround.weekOf', { date: week.weekStart })}
                      </th>
                      <td>{week.requested}</td>
                      <td>{week.decided}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          </>
        )}
      </QueryView>
    </Page>
  );
}
