import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { visitSummaryPath } from '../../../lib/navigation';
import type { Allergy, CarePlan, Condition, Immunization, Medication, VisitSummary } from '../api';
import { formatCalendarDate } from '../utils/format';
import { MedicalTerm } from '../../../components/MedicalTerm';

/*
 * One entry of each kind, as a card. The same cards show in the summary (under a section's
 * second-level heading) and on each section's own page, so the heading level is given.
 */

type Level = 2 | 3;

export interface EntryProps<T> {
  entry: T;
  level: Level;
  /** The id of the heading, for moving focus to the first entry "Show more" adds. */
  headingId?: string;
}

function Heading({ level, id, children }: { level: Level; id?: string; children: string }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} tabIndex={id ? -1 : undefined} className="records-card__title">
      {children}
    </Tag>
  );
}

/** One term of a details list and its value; nothing at all when there is no value. */
function Detail({
  term,
  value,
  className,
}: {
  term: string;
  value: ReactNode;
  className?: string;
}) {
  if (value === null || value === undefined || value === false || value === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd className={className}>{value}</dd>
    </>
  );
}

function CorrectedNote({ corrected }: { corrected: boolean }) {
  const { t } = useTranslation();
  return corrected ? (
    <p>
      <span className="records-mark">{t('healthRecord.corrected')}</span>{' '}
      {t('healthRecord.correctedNote')}
    </p>
  ) : null;
}

export function ConditionCard({ entry, level, headingId }: EntryProps<Condition>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <li className="ui-card records-card">
      <Heading level={level} id={headingId}>
        {entry.plainName ?? entry.display}
      </Heading>
      <MedicalTerm plainName={entry.plainName} display={entry.display} code={entry.code} />
      <dl className="ui-details">
        <Detail
          term={t('healthRecord.fields.status')}
          value={t(`healthRecord.conditionStatus.${entry.clinicalStatus}`)}
        />
        <Detail
          term={t('healthRecord.fields.started')}
          value={entry.onsetDate && formatCalendarDate(entry.onsetDate, locale)}
        />
        <Detail
          term={t('healthRecord.fields.ended')}
          value={entry.abatementDate && formatCalendarDate(entry.abatementDate, locale)}
        />
        <Detail term={t('healthRecord.fields.code')} value={entry.code} />
        <Detail term={t('healthRecord.fields.note')} value={entry.note} className="records-text" />
      </dl>
      <CorrectedNote corrected={entry.corrected} />
    </li>
  );
}

export function AllergyCard({ entry, level, headingId }: EntryProps<Allergy>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const severe = entry.severity === 'severe';
  return (
    <li className={severe ? 'ui-card records-card records-card--severe' : 'ui-card records-card'}>
      <Heading level={level} id={headingId}>
        {entry.substance}
      </Heading>
      {severe && entry.clinicalStatus === 'active' ? (
        <p className="records-severe">
          <span aria-hidden="true">!</span>{' '}
          {t('healthRecord.sections.allergies.severeWarning', { substance: entry.substance })}
        </p>
      ) : null}
      <dl className="ui-details">
        <Detail
          term={t('healthRecord.fields.type')}
          value={t(`healthRecord.allergyCategory.${entry.category}`)}
        />
        <Detail term={t('healthRecord.fields.reaction')} value={entry.reaction} />
        <Detail
          term={t('healthRecord.fields.severity')}
          value={entry.severity && t(`healthRecord.severity.${entry.severity}`)}
        />
        <Detail
          term={t('healthRecord.fields.status')}
          value={t(`healthRecord.allergyStatus.${entry.clinicalStatus}`)}
        />
        <Detail
          term={t('healthRecord.fields.started')}
          value={entry.onsetDate && formatCalendarDate(entry.onsetDate, locale)}
        />
        <Detail term={t('healthRecord.fields.note')} value={entry.note} className="records-text" />
      </dl>
      <CorrectedNote corrected={entry.corrected} />
    </li>
  );
}

export function ImmunizationCard({ entry, level, headingId }: EntryProps<Immunization>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <li className="ui-card records-card">
      <Heading level={level} id={headingId}>
        {entry.plainName ?? entry.display}
      </Heading>
      <MedicalTerm plainName={entry.plainName} display={entry.display} />
      <dl className="ui-details">
        <Detail
          term={t('healthRecord.fields.given')}
          value={formatCalendarDate(entry.occurredOn, locale)}
        />
        <Detail
          term={t('healthRecord.fields.status')}
          value={entry.status === 'not-done' && t('healthRecord.immunizationStatus.not-done')}
        />
        <Detail
          term={t('healthRecord.fields.dose')}
          value={
            entry.doseNumber !== null &&
            t('healthRecord.fields.doseNumber', { count: entry.doseNumber })
          }
        />
        <Detail term={t('healthRecord.fields.amount')} value={entry.doseQuantity} />
        <Detail term={t('healthRecord.fields.site')} value={entry.site} />
        <Detail term={t('healthRecord.fields.lot')} value={entry.lotNumber} />
        <Detail term={t('healthRecord.fields.note')} value={entry.note} className="records-text" />
      </dl>
      <CorrectedNote corrected={entry.corrected} />
    </li>
  );
}

/** A visit in a list: its date as a link to the whole summary, who and where, what was found. */
export function VisitSummaryCard({ entry, level, headingId }: EntryProps<VisitSummary>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <li className="ui-card records-card">
      <Tag id={headingId} tabIndex={headingId ? -1 : undefined} className="records-card__title">
        <Link to={visitSummaryPath(entry.id)}>
          {t('healthRecord.visit.headingOn', {
            date: formatCalendarDate(entry.visitDate, locale),
          })}
        </Link>
      </Tag>
      <VisitFacts entry={entry} />
    </li>
  );
}

export function VisitFacts({ entry }: { entry: VisitSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="ui-details">
      <Detail term={t('healthRecord.fields.seenBy')} value={entry.provider?.displayName} />
      <Detail term={t('healthRecord.fields.where')} value={entry.location?.name} />
      <Detail
        term={t('healthRecord.fields.diagnoses')}
        value={
          entry.diagnoses.length > 0 && (
            <ul className="records-plain-list">
              {entry.diagnoses.map((diagnosis) => (
                <li key={diagnosis.code}>{diagnosis.display}</li>
              ))}
            </ul>
          )
        }
      />
      <Detail
        term={t('healthRecord.fields.status')}
        value={entry.status === 'amended' && t('healthRecord.visitStatus.amended')}
      />
    </dl>
  );
}

export function CarePlanCard({ entry, level, headingId }: EntryProps<CarePlan>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const SubTag = level === 2 ? 'h3' : 'h4';
  const start = formatCalendarDate(entry.periodStart, locale);
  return (
    <li className="ui-card records-card">
      <Heading level={level} id={headingId}>
        {entry.title}
      </Heading>
      {entry.description ? <p className="records-text">{entry.description}</p> : null}
      <dl className="ui-details">
        <Detail
          term={t('healthRecord.fields.status')}
          value={t(`healthRecord.carePlanStatus.${entry.status}`)}
        />
        <Detail
          term={t('healthRecord.fields.period')}
          value={
            entry.periodEnd
              ? t('healthRecord.fields.fromTo', {
                  start,
                  end: formatCalendarDate(entry.periodEnd, locale),
                })
              : t('healthRecord.fields.from', { start })
          }
        />
        <Detail
          term={t('healthRecord.fields.conditions')}
          value={
            entry.conditions.length > 0 &&
            entry.conditions.map((condition) => condition.display).join(', ')
          }
        />
      </dl>
      {entry.goals.length > 0 ? (
        <>
          <SubTag className="records-card__subtitle">{t('healthRecord.fields.goals')}</SubTag>
          <ul className="records-steps">
            {entry.goals.map((goal) => (
              <li key={goal.id}>
                <span>{goal.description}</span>
                {goal.target ? (
                  <span className="records-steps__extra">
                    {' '}
                    {t('healthRecord.fields.target', { target: goal.target })}
                  </span>
                ) : null}{' '}
                <span className="records-status">
                  {t(`healthRecord.goalStatus.${goal.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.activities.length > 0 ? (
        <>
          <SubTag className="records-card__subtitle">{t('healthRecord.fields.activities')}</SubTag>
          <ul className="records-steps">
            {entry.activities.map((activity) => (
              <li key={activity.id}>
                <span>{activity.description}</span>{' '}
                <span className="records-status">
                  {t(`healthRecord.activityStatus.${activity.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <CorrectedNote corrected={entry.corrected} />
    </li>
  );
}

export function MedicationCard({ entry, level, headingId }: EntryProps<Medication>) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const howToTake = [
    entry.dose,
    entry.route && t(`healthRecord.medicationRoute.${entry.route}`),
    entry.frequency,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className="ui-card records-card">
      <Heading level={level} id={headingId}>
        {entry.plainName ?? entry.display}
      </Heading>
      <MedicalTerm plainName={entry.plainName} display={entry.display} />
      <dl className="ui-details">
        <Detail
          term={t('healthRecord.fields.status')}
          value={t(`healthRecord.medicationStatus.${entry.status}`)}
        />
        <Detail term={t('healthRecord.fields.howToTake')} value={howToTake} />
        <Detail
          term={t('healthRecord.fields.instructions')}
          value={entry.instructions}
          className="records-text"
        />
        <Detail
          term={t('healthRecord.fields.started')}
          value={formatCalendarDate(entry.startDate, locale)}
        />
        <Detail
          term={t('healthRecord.fields.ended')}
          value={entry.endDate && formatCalendarDate(entry.endDate, locale)}
        />
        <Detail term={t('healthRecord.fields.prescriber')} value={entry.prescriber} />
        <Detail
          term={t('healthRecord.fields.refills')}
          value={entry.refillsRemaining === null ? null : String(entry.refillsRemaining)}
        />
        <Detail
          term={t('healthRecord.fields.lastFilled')}
          value={entry.lastFilledOn && formatCalendarDate(entry.lastFilledOn, locale)}
        />
        <Detail term={t('healthRecord.fields.pharmacy')} value={entry.pharmacy} />
      </dl>
      <CorrectedNote corrected={entry.corrected} />
    </li>
  );
}
