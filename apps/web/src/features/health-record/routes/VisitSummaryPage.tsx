import '../health-record.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import { VISIT_SUMMARIES_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import { useDownloadVisitSummaryPdf, type VisitSummary } from '../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { isNotFound, QueryState } from '../../../components/QueryState';
import { patientPage } from '../../../components/PatientOnly';
import { VisitFacts } from '../components/RecordItems';
import { formatCalendarDate } from '../utils/format';

const VISIT_SKELETONS = [{ width: '60%' }, { height: '8rem' }, { height: '6rem' }];

/**
 * /health-record/visits/:visitSummaryId — one visit: who and where, what was found, the
 * instructions and the follow-up, and the PDF. The tab title stays generic.
 */
export const VisitSummaryPage = patientPage('healthRecord.visit.title', VisitSummaryDetails);

function VisitSummaryDetails({ patientId }: { patientId: string }) {
  const { visitSummaryId = '' } = useParams();
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const visit = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}',
    {
      params: { path: { patientId, visitSummaryId } },
    },
  );
  const notFound = isNotFound(visit);

  return (
    <Page
      title={t('healthRecord.visit.title')}
      heading={
        visit.data
          ? t('healthRecord.visit.headingOn', {
              date: formatCalendarDate(visit.data.visitDate, locale),
            })
          : notFound
            ? t('healthRecord.visit.notFoundTitle')
            : t('healthRecord.visit.heading')
      }
    >
      <QueryState query={visit} copy="healthRecord.visit" skeletons={VISIT_SKELETONS} notFoundText>
        {(data) => <VisitBody patientId={patientId} visit={data} />}
      </QueryState>
      <p>
        <Link to={VISIT_SUMMARIES_PATH}>{t('healthRecord.visit.backToList')}</Link>
      </p>
    </Page>
  );
}

function VisitBody({ patientId, visit }: { patientId: string; visit: VisitSummary }) {
  const { t } = useTranslation();
  const pdf = useDownloadVisitSummaryPdf(patientId, visit.id);
  return (
    <>
      <VisitFacts entry={visit} />
      {visit.corrected ? (
        <p>
          <span className="records-mark">{t('healthRecord.corrected')}</span>{' '}
          {t('healthRecord.correctedNote')}
        </p>
      ) : null}
      <section aria-labelledby="visit-instructions">
        <h2 id="visit-instructions">{t('healthRecord.fields.instructions')}</h2>
        <p className="records-text">{visit.instructions}</p>
      </section>
      <section aria-labelledby="visit-follow-up">
        <h2 id="visit-follow-up">{t('healthRecord.fields.followUp')}</h2>
        <p className="records-text">{visit.followUp ?? t('healthRecord.visit.noFollowUp')}</p>
      </section>
      <DownloadButton
        label={t('healthRecord.download.visitPdf')}
        hint={t('healthRecord.download.visitPdfHint')}
        pending={pdf.isPending}
        failed={pdf.isError}
        onDownload={() => pdf.mutate()}
      />
    </>
  );
}
