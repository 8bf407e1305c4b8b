import { deviceTimeZone, formatDate, SelectField } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../lib/api-queries';
import { useFormatLocale } from '../../../lib/i18n';
import type { AboutType } from '../api';

/** How many of each the list offers: the newest ones, which a question is usually about. */
const ABOUT_LIMIT = 20;

export const ABOUT_TYPES: readonly AboutType[] = ['appointment', 'result', 'medication'];

export interface AboutChoice {
  type: AboutType | '';
  id: string;
}

export interface AboutPickerProps {
  patientId: string;
  idPrefix: string;
  value: AboutChoice;
  onChange: (value: AboutChoice) => void;
  error?: string;
}

/**
 * "What is it about", optional: a kind (a visit, a test result, a medicine), then one of the
 * patient's own, read from the lists the app already has (only the kind chosen is read).
 */
export function AboutPicker({ patientId, idPrefix, value, onChange, error }: AboutPickerProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={`${idPrefix}-type`}
        name="aboutType"
        label={t('messages.new.aboutLabel')}
        emptyOption={t('messages.new.aboutNone')}
        options={ABOUT_TYPES.map((type) => ({
          value: type,
          label: t(`messages.new.aboutTypes.${type}`),
        }))}
        value={value.type}
        onChange={(event) => onChange({ type: event.target.value as AboutType | '', id: '' })}
      />
      {value.type ? (
        <AboutItems
          key={value.type}
          patientId={patientId}
          id={`${idPrefix}-item`}
          type={value.type}
          value={value.id}
          onChange={(id) => onChange({ type: value.type, id })}
          error={error}
        />
      ) : null}
    </>
  );
}

interface AboutItemsProps {
  patientId: string;
  id: string;
  type: AboutType;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}

function AboutItems({ patientId, id, type, value, onChange, error }: AboutItemsProps) {
  const { t } = useTranslation();
  const options = useAboutOptions(patientId, type);
  const label = t(`messages.new.aboutItemLabel.${type}`);
  if (options.state !== 'ready') {
    return (
      <div className="ui-field">
        <p className="ui-field__label">{label}</p>
        <p aria-live="polite">
          {options.state === 'loading'
            ? t('messages.new.aboutItemsLoading')
            : t('messages.new.aboutItemsFailed')}
        </p>
      </div>
    );
  }
  if (options.items.length === 0) {
    return (
      <div className="ui-field">
        <p className="ui-field__label">{label}</p>
        <p aria-live="polite">{t('messages.new.aboutItemsEmpty')}</p>
      </div>
    );
  }
  return (
    <div className={error ? 'ui-field--invalid' : undefined}>
      {error ? (
        <p className="ui-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <SelectField
        id={id}
        name="aboutId"
        label={label}
        emptyOption={t('messages.new.aboutItemChoose')}
        options={options.items}
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

type AboutOptions =
  { state: 'loading' | 'failed' } | { state: 'ready'; items: { value: string; label: string }[] };

/** The patient's own visits, results or medicines, as choices. Only the kind asked is read. */
function useAboutOptions(patientId: string, type: AboutType): AboutOptions {
  const locale = useFormatLocale();
  const zone = deviceTimeZone();
  const path = { patientId };
  const upcoming = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/appointments',
    { params: { path, query: { when: 'upcoming', limit: ABOUT_LIMIT } } },
    { enabled: type === 'appointment' },
  );
  const past = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/appointments',
    { params: { path, query: { when: 'past', limit: ABOUT_LIMIT } } },
    { enabled: type === 'appointment' },
  );
  const results = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/results',
    { params: { path, query: { limit: ABOUT_LIMIT } } },
    { enabled: type === 'result' },
  );
  const medications = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/medications',
    { params: { path, query: { status: 'active', limit: ABOUT_LIMIT } } },
    { enabled: type === 'medication' },
  );

  const queries =
    type === 'appointment' ? [upcoming, past] : type === 'result' ? [results] : [medications];
  if (queries.some((query) => query.isError)) return { state: 'failed' };
  if (queries.some((query) => query.data === undefined)) return { state: 'loading' };

  if (type === 'appointment') {
    const visits = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])];
    return {
      state: 'ready',
      items: visits.map((visit) => ({
        value: visit.id,
        label: `${formatDate(visit.startsAt, visit.location.timeZone, locale)}: ${visit.visitType.name}, ${visit.provider.displayName}`,
      })),
    };
  }
  if (type === 'result') {
    return {
      state: 'ready',
      items: (results.data?.items ?? []).map((result) => ({
        value: result.id,
        label: `${result.title}, ${formatDate(result.effectiveAt, zone, locale)}`,
      })),
    };
  }
  return {
    state: 'ready',
    items: (medications.data?.items ?? []).map((medication) => ({
      value: medication.id,
      label: medication.plainName ?? medication.display,
    })),
  };
}
