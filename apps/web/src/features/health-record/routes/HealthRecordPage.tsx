import '../health-record.css';
import { deviceTimeZone, formatDate, LoadingState, Skeleton, VisuallyHidden } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import {
  ALLERGIES_PATH,
  CARE_PLANS_PATH,
  MEDICATIONS_PATH,
  CONDITIONS_PATH,
  IMMUNIZATIONS_PATH,
  RESULTS_PATH,
  resultTrendPath,
  VISIT_SUMMARIES_PATH,
} from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import {
  useDownloadHealthRecordFhir,
  useDownloadHealthRecordPdf,
  type HealthSummary,
  type Vital,
} from '../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { LoadFailed } from '../../../components/LoadFailed';
import { MedicalTerm } from '../../../components/MedicalTerm';
import { PatientOnly } from '../../../components/PatientOnly';
import {
  AllergyCard,
  CarePlanCard,
  ConditionCard,
  ImmunizationCard,
  VisitSummaryCard,
} from '../components/RecordItems';
import { measureText } from '../utils/format';

/**
 * /health-record — the summary: current conditions, allergies (severe ones said plainly),
 * recent vaccines, the latest vital signs, active care plans and the last visit, each with a
 * link to its own page; then the whole record as a PDF or a FHIR file.
 */
export function HealthRecordPage() {
  const { t } = useTranslation();
  return (
    <PatientOnly title={t('healthRecord.title')}>
      {(patientId) => (
        <Page title={t('healthRecord.title')}>
          <p>{t('healthRecord.intro')}</p>
          <Summary patientId={patientId} />
          <Downloads patientId={patientId} />
        </Page>
      )}
    </PatientOnly>
  );
}

function Summary({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const summary = $api.useQuery('get', '/api/v1/patients/{patientId}/health-summary', {
    params: { path: { patientId } },
  });
  if (summary.data) {
    return <SummarySections summary={summary.data} />;
  }
  return summary.isError ? (
    <LoadFailed
      title={t('healthRecord.summary.loadFailedTitle')}
      body={t('healthRecord.summary.loadFailed')}
      onRetry={() => void summary.refetch()}
    />
  ) : (
    <LoadingState label={t('healthRecord.summary.loading')}>
      <Skeleton height="9rem" />
      <Skeleton height="7rem" />
      <Skeleton height="7rem" />
      <Skeleton height="7rem" />
    </LoadingState>
  );
}

interface SectionProps {
  id: string;
  title: string;
  explain?: string;
  empty: string;
  count: number;
  more?: { to: string; label: string };
  children?: ReactNode;
}

function Section({ id, title, explain, empty, count, more, children }: SectionProps) {
  return (
    <section className="records-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {explain ? <p className="records-explain">{explain}</p> : null}
      {count === 0 ? <p>{empty}</p> : <ul className="ui-stack">{children}</ul>}
      {more ? (
        <p className="records-more">
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

function SummarySections({ summary }: { summary: HealthSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="records-section" aria-labelledby="record-results">
        <h2 id="record-results">{t('healthRecord.sections.results.title')}</h2>
        {summary.newResultsCount > 0 ? (
          <p>
            <strong>
              {t('healthRecord.sections.results.newCount', { count: summary.newResultsCount })}
            </strong>
          </p>
        ) : null}
        <p className="records-more">
          <Link to={RESULTS_PATH}>{t('healthRecord.sections.results.seeAll')}</Link>
        </p>
      </section>

      <Section
        id="record-conditions"
        title={t('healthRecord.sections.conditions.title')}
        explain={t('healthRecord.sections.conditions.explain')}
        empty={t('healthRecord.sections.conditions.empty')}
        count={summary.activeConditions.length}
        more={{ to: CONDITIONS_PATH, label: t('healthRecord.sections.conditions.seeAll') }}
      >
        {summary.activeConditions.map((condition) => (
          <ConditionCard key={condition.id} entry={condition} level={3} />
        ))}
      </Section>

      <Section
        id="record-allergies"
        title={t('healthRecord.sections.allergies.title')}
        explain={t('healthRecord.sections.allergies.explain')}
        empty={t('healthRecord.sections.allergies.empty')}
        count={summary.allergies.length}
        more={{ to: ALLERGIES_PATH, label: t('healthRecord.sections.allergies.seeAll') }}
      >
        {/* Severe allergies first: they are what a reader must not miss. */}
        {[...summary.allergies]
          .sort((a, b) => Number(b.severity === 'severe') - Number(a.severity === 'severe'))
          .map((allergy) => (
            <AllergyCard key={allergy.id} entry={allergy} level={3} />
          ))}
      </Section>

      <section className="records-section" aria-labelledby="record-medications">
        <h2 id="record-medications">{t('healthRecord.sections.medications.title')}</h2>
        <p className="records-explain">{t('healthRecord.sections.medications.explain')}</p>
        <p className="records-more">
          <Link to={MEDICATIONS_PATH}>{t('healthRecord.sections.medications.seeAll')}</Link>
        </p>
      </section>

      <Section
        id="record-immunizations"
        title={t('healthRecord.sections.immunizations.title')}
        explain={t('healthRecord.sections.immunizations.explain')}
        empty={t('healthRecord.sections.immunizations.empty')}
        count={summary.recentImmunizations.length}
        more={{ to: IMMUNIZATIONS_PATH, label: t('healthRecord.sections.immunizations.seeAll') }}
      >
        {summary.recentImmunizations.map((immunization) => (
          <ImmunizationCard key={immunization.id} entry={immunization} level={3} />
        ))}
      </Section>

      <Section
        id="record-vitals"
        title={t('healthRecord.sections.vitals.title')}
        explain={t('healthRecord.sections.vitals.explain')}
        empty={t('healthRecord.sections.vitals.empty')}
        count={summary.latestVitals.length}
      >
        {summary.latestVitals.map((vital) => (
          <VitalRow key={vital.id} vital={vital} />
        ))}
      </Section>

      <Section
        id="record-care-plans"
        title={t('healthRecord.sections.carePlans.title')}
        explain={t('healthRecord.sections.carePlans.explain')}
        empty={t('healthRecord.sections.carePlans.empty')}
        count={summary.activeCarePlans.length}
        more={{ to: CARE_PLANS_PATH, label: t('healthRecord.sections.carePlans.seeAll') }}
      >
        {summary.activeCarePlans.map((plan) => (
          <CarePlanCard key={plan.id} entry={plan} level={3} />
        ))}
      </Section>

      <Section
        id="record-visits"
        title={t('healthRecord.sections.visits.last')}
        explain={t('healthRecord.sections.visits.explain')}
        empty={t('healthRecord.sections.visits.empty')}
        count={summary.lastVisitSummary ? 1 : 0}
        more={{ to: VISIT_SUMMARIES_PATH, label: t('healthRecord.sections.visits.seeAll') }}
      >
        {summary.lastVisitSummary ? (
          <VisitSummaryCard entry={summary.lastVisitSummary} level={3} />
        ) : null}
      </Section>
    </>
  );
}

/** A vital sign: its latest value and date, flagged in words, with a link to its trend. */
function VitalRow({ vital }: { vital: Vital }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <li className="ui-card records-card records-vital">
      <h3 className="records-card__title">{vital.plainName ?? vital.display}</h3>
      <MedicalTerm plainName={vital.plainName} display={vital.display} />
      <p className="records-vital__value">
        {vital.valueQuantity !== null
          ? measureText(vital.valueQuantity, vital.unit, locale)
          : vital.valueText}
        {vital.abnormal ? (
          <>
            {' '}
            <span className="records-flag">
              <span aria-hidden="true">!</span> {t('healthRecord.vitalFlag')}
            </span>
          </>
        ) : null}
      </p>
      <p className="records-explain">
        {t('healthRecord.fields.measured')}{' '}
        <time dateTime={vital.effectiveAt}>
          {formatDate(vital.effectiveAt, deviceTimeZone(), locale)}
        </time>
      </p>
      {vital.valueQuantity !== null ? (
        <p className="records-more">
          <Link to={resultTrendPath(vital.code)}>
            {t('healthRecord.sections.vitals.seeTrend')}
            <VisuallyHidden>
              {t('healthRecord.sections.vitals.seeTrendOf', {
                test: vital.plainName ?? vital.display,
              })}
            </VisuallyHidden>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function Downloads({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const pdf = useDownloadHealthRecordPdf(patientId);
  const fhir = useDownloadHealthRecordFhir(patientId);
  return (
    <section className="records-section" aria-labelledby="record-downloads">
      <h2 id="record-downloads">{t('healthRecord.download.title')}</h2>
      <DownloadButton
        label={t('healthRecord.download.pdf')}
        hint={t('healthRecord.download.pdfHint')}
        pending={pdf.isPending}
        failed={pdf.isError}
        onDownload={() => pdf.mutate()}
      />
      <DownloadButton
        label={t('healthRecord.download.fhir')}
        hint={t('healthRecord.download.fhirHint')}
        pending={fhir.isPending}
        failed={fhir.isError}
        onDownload={() => fhir.mutate()}
      />
    </section>
  );
}
