import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { visitSummaryPath } from '../../../lib/navigation';
import type { Allergy, CarePlan, Condition, Immunization, VisitSummary } from '../api/record-lists';
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
        <dt>{t('healthRecord.fields.status')}</dt>
        <dd>{t(`healthRecord.conditionStatus.${entry.clinicalStatus}`)}</dd>
        {entry.onsetDate ? (
          <>
            <dt>{t('healthRecord.fields.started')}</dt>
            <dd>{formatCalendarDate(entry.onsetDate, locale)}</dd>
          </>
        ) : null}
        {entry.abatementDate ? (
          <>
            <dt>{t('healthRecord.fields.ended')}</dt>
            <dd>{formatCalendarDate(entry.abatementDate, locale)}</dd>
          </>
        ) : null}
        <dt>{t('healthRecord.fields.code')}</dt>
        <dd>{entry.code}</dd>
        {entry.note ? (
          <>
            <dt>{t('healthRecord.fields.note')}</dt>
            <dd className="records-text">{entry.note}</dd>
          </>
        ) : null}
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
        <dt>{t('healthRecord.fields.type')}</dt>
        <dd>{t(`healthRecord.allergyCategory.${entry.category}`)}</dd>
        {entry.reaction ? (
          <>
            <dt>{t('healthRecord.fields.reaction')}</dt>
            <dd>{entry.reaction}</dd>
          </>
        ) : null}
        {entry.severity ? (
          <>
            <dt>{t('healthRecord.fields.severity')}</dt>
            <dd>{t(`healthRecord.severity.${entry.severity}`)}</dd>
          </>
        ) : null}
        <dt>{t('healthRecord.fields.status')}</dt>
        <dd>{t(`healthRecord.allergyStatus.${entry.clinicalStatus}`)}</dd>
        {entry.onsetDate ? (
          <>
            <dt>{t('healthRecord.fields.started')}</dt>
            <dd>{formatCalendarDate(entry.onsetDate, locale)}</dd>
          </>
        ) : null}
        {entry.note ? (
          <>
            <dt>{t('healthRecord.fields.note')}</dt>
            <dd className="records-text">{entry.note}</dd>
          </>
        ) : null}
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
        <dt>{t('healthRecord.fields.given')}</dt>
        <dd>{formatCalendarDate(entry.occurredOn, locale)}</dd>
        {entry.status === 'not-done' ? (
          <>
            <dt>{t('healthRecord.fields.status')}</dt>
            <dd>{t('healthRecord.immunizationStatus.not-done')}</dd>
          </>
        ) : null}
        {entry.doseNumber !== null ? (
          <>
            <dt>{t('healthRecord.fields.dose')}</dt>
            <dd>{t('healthRecord.fields.doseNumber', { count: entry.doseNumber })}</dd>
          </>
        ) : null}
        {entry.doseQuantity ? (
          <>
            <dt>{t('healthRecord.fields.amount')}</dt>
            <dd>{entry.doseQuantity}</dd>
          </>
        ) : null}
        {entry.site ? (
          <>
            <dt>{t('healthRecord.fields.site')}</dt>
            <dd>{entry.site}</dd>
          </>
        ) : null}
        {entry.lotNumber ? (
          <>
            <dt>{t('healthRecord.fields.lot')}</dt>
            <dd>{entry.lotNumber}</dd>
          </>
        ) : null}
        {entry.note ? (
          <>
            <dt>{t('healthRecord.fields.note')}</dt>
            <dd className="records-text">{entry.note}</dd>
          </>
        ) : null}
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
      {entry.provider ? (
        <>
          <dt>{t('healthRecord.fields.seenBy')}</dt>
          <dd>{entry.provider.displayName}</dd>
        </>
      ) : null}
      {entry.location ? (
        <>
          <dt>{t('healthRecord.fields.where')}</dt>
          <dd>{entry.location.name}</dd>
        </>
      ) : null}
      {entry.diagnoses.length > 0 ? (
        <>
          <dt>{t('healthRecord.fields.diagnoses')}</dt>
          <dd>
            <ul className="records-plain-list">
              {entry.diagnoses.map((diagnosis) => (
                <li key={diagnosis.code}>{diagnosis.display}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {entry.status === 'amended' ? (
        <>
          <dt>{t('healthRecord.fields.status')}</dt>
          <dd>{t('healthRecord.visitStatus.amended')}</dd>
        </>
      ) : null}
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
        <dt>{t('healthRecord.fields.status')}</dt>
        <dd>{t(`healthRecord.carePlanStatus.${entry.status}`)}</dd>
        <dt>{t('healthRecord.fields.period')}</dt>
        <dd>
          {entry.periodEnd
            ? t('healthRecord.fields.fromTo', {
                start,
                end: formatCalendarDate(entry.periodEnd, locale),
              })
            : t('healthRecord.fields.from', { start })}
        </dd>
        {entry.conditions.length > 0 ? (
          <>
            <dt>{t('healthRecord.fields.conditions')}</dt>
            <dd>{entry.conditions.map((condition) => condition.display).join(', ')}</dd>
          </>
        ) : null}
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
