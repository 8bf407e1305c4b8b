import '../health-record.css';
import { deviceTimeZone, formatDate, VisuallyHidden } from '@portal/ui';
import { useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import {
  ALLERGIES_PATH,
  CARE_PLANS_PATH,
  MEDICATIONS_PATH,
  MY_MEDICATIONS_PATH,
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
import { QueryState } from '../../../components/QueryState';
import { MedicalTerm } from '../../../components/MedicalTerm';
import { PatientOnly } from '../../../components/PatientOnly';
import {
  AllergyCard,
  CarePlanCard,
  ConditionCard,
  ImmunizationCard,
  VisitSummaryCard,
} from '../components/RecordItems';
import { formatCalendarDate, formatNumber, measureText } from '../utils/format';
import { bloodPressureNumbers, pairBloodPressure, type Reading } from '../../../lib/blood-pressure';

const SUMMARY_SKELETONS = [
  { height: '9rem' },
  { height: '7rem' },
  { height: '7rem' },
  { height: '7rem' },
];

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
  const summary = $api.useQuery('get', '/api/v1/patients/{patientId}/health-summary', {
    params: { path: { patientId } },
  });
  return (
    <QueryState query={summary} copy="healthRecord.summary" skeletons={SUMMARY_SKELETONS}>
      {(data) => <SummarySections summary={data} />}
    </QueryState>
  );
}

/*
 * On a phone the whole summary ran to about 8,500 px, so each part starts folded to its
 * heading, a count and one line of what it holds, with a button (aria-expanded) to open it,
 * and a list at the top jumps to each part. Desktops start folded too: the page keeps a
 * comfortable reading width, so open it was as long there (about 8,900 px at 1280 px, measured),
 * and one column of counts and summary lines is the overview a reader wants first. The same
 * behaviour at every width also means no change of layout when a window is resized.
 */
function toggleId(id: string): string {
  return `${id}-toggle`;
}

/** "A, B, C and 2 more": a short line of what a folded part holds. */
function useShortList() {
  const { t } = useTranslation();
  return (names: string[]) => {
    const shown = names.slice(0, 3);
    const rest = names.length - shown.length;
    return rest > 0
      ? t('healthRecord.summary.andMore', { names: shown.join(', '), count: rest })
      : shown.join(', ');
  };
}

/**
 * " · 3" after a title. The space is outside the hidden dot, so the name reads "Allergies 2"
 * and not "Allergies2".
 */
function Count({ count }: { count: number }) {
  return (
    <span className="records-count">
      {' '}
      <span aria-hidden="true">· </span>
      {count}
    </span>
  );
}

interface SectionProps {
  id: string;
  title: string;
  explain?: string;
  empty: string;
  count: number;
  /** One short line of what the part holds, shown while it is folded. */
  summary: ReactNode;
  open: boolean;
  onToggle: () => void;
  more?: { to: string; label: string };
  children?: ReactNode;
}

/**
 * One part of the record: a region named by its title, its heading a disclosure button with
 * the count. An empty part has nothing to fold: it says so, and what to do next.
 */
function Section({
  id,
  title,
  explain,
  empty,
  count,
  summary,
  open,
  onToggle,
  more,
  children,
}: SectionProps) {
  const panelId = `${id}-panel`;
  return (
    <section className="records-section" aria-labelledby={id}>
      {count === 0 ? (
        <>
          <h2 className="records-section__title" tabIndex={-1} id={toggleId(id)}>
            <span id={id}>{title}</span>
          </h2>
          <p>{empty}</p>
        </>
      ) : (
        <>
          <h2 className="records-section__title">
            <button
              type="button"
              id={toggleId(id)}
              className="records-toggle"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={onToggle}
            >
              {/* One run of text: a flex item would trim the space before the count. */}
              <span className="records-toggle__text">
                <span id={id}>{title}</span>
                <Count count={count} />
              </span>
            </button>
          </h2>
          {open ? null : <p className="records-summary">{summary}</p>}
          <div id={panelId} hidden={!open}>
            {explain ? <p className="records-explain">{explain}</p> : null}
            <ul className="ui-stack">{children}</ul>
          </div>
        </>
      )}
      {more ? (
        <p className="records-more">
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** A part with nothing to fold (a count or a link): its heading takes focus from the jump list. */
function PlainSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="records-section" aria-labelledby={id}>
      <h2 className="records-section__title" tabIndex={-1} id={toggleId(id)}>
        <span id={id}>{title}</span>
      </h2>
      {children}
    </section>
  );
}

interface JumpTarget {
  id: string;
  title: string;
  count?: number;
}

/** Links to each part; following one opens the part and moves focus to its heading. */
function JumpList({ targets, onJump }: { targets: JumpTarget[]; onJump: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="records-jump" aria-label={t('healthRecord.jump.label')}>
      <h2 className="records-jump__title">{t('healthRecord.jump.title')}</h2>
      <ul>
        {targets.map((target) => (
          <li key={target.id}>
            <a
              href={`#${toggleId(target.id)}`}
              onClick={(event) => {
                event.preventDefault();
                onJump(target.id);
              }}
            >
              <span>
                {target.title}
                {target.count ? <Count count={target.count} /> : null}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type FoldingKey = 'conditions' | 'allergies' | 'immunizations' | 'vitals' | 'carePlans' | 'visits';
type FoldingId = (typeof FOLDING_IDS)[FoldingKey];
/** The parts that fold, by their locale key, with the id their heading's toggle is named by. */
const FOLDING_IDS = {
  conditions: 'record-conditions',
  allergies: 'record-allergies',
  immunizations: 'record-immunizations',
  vitals: 'record-vitals',
  carePlans: 'record-care-plans',
  visits: 'record-visits',
} as const;

function SummarySections({ summary }: { summary: HealthSummary }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const shortList = useShortList();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: FoldingId) => () =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const jump = (id: string) => {
    // Open it first, so focus lands on a heading whose content is there to read.
    flushSync(() => setOpen((now) => new Set(now).add(id)));
    const target = document.getElementById(toggleId(id));
    target?.focus();
    target?.scrollIntoView?.({ block: 'start' });
  };

  // Severe allergies first: they are what a reader must not miss, folded or not.
  const allergies = [...summary.allergies].sort(
    (a, b) => Number(b.severity === 'severe') - Number(a.severity === 'severe'),
  );
  const severe = allergies.filter((allergy) => allergy.severity === 'severe');
  const readings = pairBloodPressure(summary.latestVitals);
  const vitalName = (reading: Reading<Vital>) =>
    reading.kind === 'blood-pressure'
      ? t('healthRecord.bloodPressure.title')
      : (reading.value.plainName ?? reading.value.display);

  const sections = {
    conditions: t('healthRecord.sections.conditions.title'),
    allergies: t('healthRecord.sections.allergies.title'),
    immunizations: t('healthRecord.sections.immunizations.title'),
    vitals: t('healthRecord.sections.vitals.title'),
    carePlans: t('healthRecord.sections.carePlans.title'),
    visits: t('healthRecord.sections.visits.last'),
  };

  /** The props every folding part shares: its id, texts and open state. */
  const fold = (key: FoldingKey, count: number) => ({
    id: FOLDING_IDS[key],
    title: sections[key],
    explain: t(`healthRecord.sections.${key}.explain`),
    empty: t(`healthRecord.sections.${key}.empty`),
    count,
    open: open.has(FOLDING_IDS[key]),
    onToggle: toggle(FOLDING_IDS[key]),
  });
  const seeAll = (key: Exclude<FoldingKey, 'vitals'>, to: string) => ({
    to,
    label: t(`healthRecord.sections.${key}.seeAll`),
  });

  return (
    <>
      <JumpList
        onJump={jump}
        targets={[
          { id: 'record-results', title: t('healthRecord.sections.results.title') },
          {
            id: 'record-conditions',
            title: sections.conditions,
            count: summary.activeConditions.length,
          },
          { id: 'record-allergies', title: sections.allergies, count: allergies.length },
          { id: 'record-medications', title: t('healthRecord.sections.medications.title') },
          {
            id: 'record-immunizations',
            title: sections.immunizations,
            count: summary.recentImmunizations.length,
          },
          { id: 'record-vitals', title: sections.vitals, count: readings.length },
          {
            id: 'record-care-plans',
            title: sections.carePlans,
            count: summary.activeCarePlans.length,
          },
          { id: 'record-visits', title: sections.visits },
          { id: 'record-downloads', title: t('healthRecord.download.title') },
        ]}
      />

      <PlainSection id="record-results" title={t('healthRecord.sections.results.title')}>
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
      </PlainSection>

      <Section
        {...fold('conditions', summary.activeConditions.length)}
        summary={shortList(summary.activeConditions.map((c) => c.plainName ?? c.display))}
        more={seeAll('conditions', CONDITIONS_PATH)}
      >
        {summary.activeConditions.map((condition) => (
          <ConditionCard key={condition.id} entry={condition} level={3} />
        ))}
      </Section>

      <Section
        {...fold('allergies', allergies.length)}
        summary={
          <>
            {severe.length > 0 ? (
              <>
                <strong className="records-flag">
                  {t('healthRecord.summary.severe', {
                    names: severe.map((allergy) => allergy.substance).join(', '),
                  })}
                </strong>{' '}
              </>
            ) : null}
            {shortList(
              allergies
                .filter((allergy) => allergy.severity !== 'severe')
                .map((allergy) => allergy.substance),
            )}
          </>
        }
        more={seeAll('allergies', ALLERGIES_PATH)}
      >
        {allergies.map((allergy) => (
          <AllergyCard key={allergy.id} entry={allergy} level={3} />
        ))}
      </Section>

      <PlainSection id="record-medications" title={t('healthRecord.sections.medications.title')}>
        <p className="records-explain">{t('healthRecord.sections.medications.explain')}</p>
        <p className="records-more">
          <Link to={MEDICATIONS_PATH}>{t('healthRecord.sections.medications.seeAll')}</Link>
        </p>
        <p className="records-more">
          <Link to={MY_MEDICATIONS_PATH}>{t('healthRecord.sections.medications.refills')}</Link>
        </p>
      </PlainSection>

      <Section
        {...fold('immunizations', summary.recentImmunizations.length)}
        summary={shortList(summary.recentImmunizations.map((i) => i.plainName ?? i.display))}
        more={seeAll('immunizations', IMMUNIZATIONS_PATH)}
      >
        {summary.recentImmunizations.map((immunization) => (
          <ImmunizationCard key={immunization.id} entry={immunization} level={3} />
        ))}
      </Section>

      <Section
        {...fold('vitals', readings.length)}
        summary={shortList(
          readings.map((reading) => `${vitalName(reading)} ${readingText(reading, locale)}`),
        )}
      >
        {readings.map((reading) => (
          <VitalRow
            key={reading.kind === 'blood-pressure' ? reading.systolic.id : reading.value.id}
            reading={reading}
            name={vitalName(reading)}
          />
        ))}
      </Section>

      <Section
        {...fold('carePlans', summary.activeCarePlans.length)}
        summary={shortList(summary.activeCarePlans.map((plan) => plan.title))}
        more={seeAll('carePlans', CARE_PLANS_PATH)}
      >
        {summary.activeCarePlans.map((plan) => (
          <CarePlanCard key={plan.id} entry={plan} level={3} />
        ))}
      </Section>

      <Section
        {...fold('visits', summary.lastVisitSummary ? 1 : 0)}
        summary={
          summary.lastVisitSummary
            ? t('healthRecord.visit.headingOn', {
                date: formatCalendarDate(summary.lastVisitSummary.visitDate, locale),
              })
            : null
        }
        more={seeAll('visits', VISIT_SUMMARIES_PATH)}
      >
        {summary.lastVisitSummary ? (
          <VisitSummaryCard entry={summary.lastVisitSummary} level={3} />
        ) : null}
      </Section>
    </>
  );
}

/** "128/82 mmHg" for blood pressure, "72 beats per minute", or the value's words. */
function readingText(reading: Reading<Vital>, locale: string): string {
  if (reading.kind === 'blood-pressure') {
    const { systolic, diastolic } = reading;
    if (systolic.valueQuantity !== null && diastolic.valueQuantity !== null) {
      return measureText(
        bloodPressureNumbers(systolic.valueQuantity, diastolic.valueQuantity, locale),
        systolic.unit,
      );
    }
    return `${systolic.valueText ?? ''}/${diastolic.valueText ?? ''}`;
  }
  const vital = reading.value;
  return vital.valueQuantity !== null
    ? measureText(formatNumber(vital.valueQuantity, locale), vital.unit)
    : (vital.valueText ?? '');
}

/**
 * A vital sign: its latest value and date, flagged in words, with a link to its trend. Blood
 * pressure is one reading, top number first, with both numbers named in words beside it.
 */
function VitalRow({ reading, name }: { reading: Reading<Vital>; name: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const parts =
    reading.kind === 'blood-pressure' ? [reading.systolic, reading.diastolic] : [reading.value];
  const first = parts[0] as Vital;
  const abnormal = parts.some((part) => part.abnormal);
  const numeric = parts.every((part) => part.valueQuantity !== null);
  return (
    <li className="ui-card records-card records-vital">
      <h3 className="records-card__title">{name}</h3>
      {reading.kind === 'blood-pressure' ? (
        <p className="medical-term">
          {t('healthRecord.bloodPressure.numbers', {
            systolic: formatNumber(reading.systolic.valueQuantity ?? 0, locale),
            diastolic: formatNumber(reading.diastolic.valueQuantity ?? 0, locale),
          })}
        </p>
      ) : (
        <MedicalTerm plainName={first.plainName} display={first.display} />
      )}
      <p className="records-vital__value">
        {readingText(reading, locale)}
        {abnormal ? (
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
        <time dateTime={first.effectiveAt}>
          {formatDate(first.effectiveAt, deviceTimeZone(), locale)}
        </time>
      </p>
      {numeric ? (
        <p className="records-more">
          <Link to={resultTrendPath(first.code)}>
            {t('healthRecord.sections.vitals.seeTrend')}
            <VisuallyHidden>
              {t('healthRecord.sections.vitals.seeTrendOf', { test: name })}
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
      <h2 className="records-section__title" tabIndex={-1} id={toggleId('record-downloads')}>
        <span id="record-downloads">{t('healthRecord.download.title')}</span>
      </h2>
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
