import '../test-results.css';
import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import { RESULTS_PATH } from '../../../lib/navigation';
import {
  useDownloadResultAttachment,
  useDownloadResultPdf,
  useResult,
  type ResultReport,
} from '../api';
import { BloodPressureResult } from '../components/BloodPressureResult';
import { CorrectedMark } from '../components/CorrectedMark';
import { pairBloodPressure } from '../../../lib/blood-pressure';
import { DownloadButton } from '../../../components/DownloadButton';
import { isNotFound, QueryState } from '../../../components/QueryState';
import { ObservationResult } from '../components/ObservationResult';
import { patientPage } from '../../../components/PatientOnly';

const REPORT_SKELETONS = [{ width: '70%' }, { height: '10rem' }, { height: '10rem' }];

/**
 * /results/:reportId — one report: each value against its usual range in words, the
 * radiologist's or lab's words for imaging, and the PDF. The tab title stays generic: test
 * names never go in titles.
 */
export const ResultDetailsPage = patientPage('testResults.details.title', ResultDetails);

function ResultDetails({ patientId }: { patientId: string }) {
  const { reportId = '' } = useParams();
  const { t } = useTranslation();
  const report = useResult(patientId, reportId);
  const notFound = isNotFound(report);

  return (
    <Page
      title={t('testResults.details.title')}
      heading={
        report.data?.title ??
        (notFound ? t('testResults.details.notFoundTitle') : t('testResults.details.heading'))
      }
    >
      <QueryState
        query={report}
        copy="testResults.details"
        skeletons={REPORT_SKELETONS}
        notFoundText
      >
        {(data) => <ReportBody patientId={patientId} report={data} />}
      </QueryState>
      <p>
        <Link to={RESULTS_PATH}>{t('testResults.backToList')}</Link>
      </p>
    </Page>
  );
}

function ReportBody({ patientId, report }: { patientId: string; report: ResultReport }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const pdf = useDownloadResultPdf(patientId, report.id);
  const attachmentName = report.attachmentName ?? 'attachment.pdf';
  const attachment = useDownloadResultAttachment(patientId, report.id, attachmentName);

  return (
    <>
      <dl className="ui-details">
        <dt>{t(`testResults.when.${report.category === 'laboratory' ? 'collected' : 'done'}`)}</dt>
        <dd>
          <time dateTime={report.effectiveAt}>
            {formatDateTime(report.effectiveAt, deviceTimeZone(), locale)}
          </time>
        </dd>
        <dt>{t('testResults.fields.category')}</dt>
        <dd>{t(`testResults.category.${report.category}`)}</dd>
        {report.orderingProvider ? (
          <>
            <dt>{t('testResults.fields.orderedBy')}</dt>
            <dd>{report.orderingProvider.displayName}</dd>
          </>
        ) : null}
      </dl>
      {report.corrected ? (
        <p>
          <CorrectedMark /> {t('testResults.details.reportCorrected')}
        </p>
      ) : null}
      {report.status === 'preliminary' ? (
        <p>
          <span className="results-mark">{t('testResults.preliminary')}</span>{' '}
          {t('testResults.details.reportPreliminary')}
        </p>
      ) : null}
      <p className="results-note">{t('testResults.details.whatNext')}</p>

      {report.observations.length > 0 ? (
        <section aria-labelledby="result-values">
          <h2 id="result-values">{t('testResults.details.valuesTitle')}</h2>
          <ul className="ui-stack">
            {pairBloodPressure(report.observations).map((reading) =>
              reading.kind === 'blood-pressure' ? (
                <BloodPressureResult
                  key={reading.systolic.id}
                  systolic={reading.systolic}
                  diastolic={reading.diastolic}
                />
              ) : (
                <ObservationResult key={reading.value.id} observation={reading.value} />
              ),
            )}
          </ul>
        </section>
      ) : null}

      {report.narrative ? (
        <section aria-labelledby="result-narrative">
          <h2 id="result-narrative">{t('testResults.details.narrativeTitle')}</h2>
          <p className="results-text">{report.narrative}</p>
        </section>
      ) : null}

      <section aria-labelledby="result-files">
        <h2 id="result-files">{t('testResults.details.filesTitle')}</h2>
        <DownloadButton
          label={t('testResults.download.reportPdf')}
          hint={t('testResults.download.reportPdfHint')}
          pending={pdf.isPending}
          failed={pdf.isError}
          onDownload={() => pdf.mutate()}
        />
        {report.hasAttachment ? (
          <DownloadButton
            label={t('testResults.download.attachment', { name: attachmentName })}
            hint={t('testResults.download.attachmentHint')}
            pending={attachment.isPending}
            failed={attachment.isError}
            onDownload={() => attachment.mutate()}
          />
        ) : null}
      </section>
    </>
  );
}
