import { Button, TextField } from '@portal/ui';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatCalendarDate } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { MATCH_LIMIT, type PatientMatch } from '../api/schedule';

export interface ChosenPatient {
  id: string;
  name: string;
  mrn: string;
}

export interface PatientPickerProps {
  /** Id of the search box, for the error summary's link. */
  inputId: string;
  value: ChosenPatient | null;
  onChange: (patient: ChosenPatient | null) => void;
  error?: string;
}

function chosen(match: PatientMatch): ChosenPatient {
  return { id: match.id, name: `${match.givenName} ${match.familyName}`, mrn: match.mrn };
}

/**
 * Whom the appointment is for: a name or MRN search (run only when asked, since every search is
 * audited), then one of the matches. It sits inside the booking form, so Enter in the box
 * searches instead of submitting the booking.
 */
export function PatientPicker({ inputId, value, onChange, error }: PatientPickerProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  // The first page of matches only; every search is audited, so it runs only when asked.
  const matches = $api.useQuery(
    'get',
    '/api/v1/patients',
    { params: { query: { query, limit: MATCH_LIMIT } } },
    { enabled: query.length > 0 },
  );

  const search = () => setQuery(text.trim());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };

  if (value) {
    return (
      <div className="ui-field">
        <p className="ui-field__label">{t('schedule.book.patient')}</p>
        <p>
          <strong>{value.name}</strong>{' '}
          <span className="admin-muted">
            {t('schedule.calendar.mrn')} <span className="admin-mono">{value.mrn}</span>
          </span>{' '}
          <Button
            variant="secondary"
            className="admin-compact-button"
            onClick={() => {
              onChange(null);
              // The search box comes back; put the person there.
              requestAnimationFrame(() => document.getElementById(inputId)?.focus());
            }}
          >
            {t('schedule.book.changePatient')}
          </Button>
        </p>
      </div>
    );
  }

  const items = matches.data?.items ?? [];
  return (
    <div className="schedule-patient-picker">
      <div className="admin-search">
        <TextField
          id={inputId}
          name="patientSearch"
          label={t('schedule.book.patientSearch')}
          hint={t('schedule.book.patientSearchHint')}
          autoComplete="off"
          spellCheck={false}
          value={text}
          error={error}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button variant="secondary" onClick={search}>
          {t('schedule.book.find')}
        </Button>
      </div>
      {!query ? null : matches.isPending ? (
        <p role="status">{t('schedule.book.searching')}</p>
      ) : matches.isError ? (
        <ApiErrorAlert error={matches.error} />
      ) : items.length === 0 ? (
        <p role="status">{t('schedule.book.noMatches', { query })}</p>
      ) : (
        <fieldset className="admin-fieldset">
          <legend>{t('schedule.book.matches', { count: items.length })}</legend>
          <ul className="schedule-patient-results">
            {items.map((match) => (
              <li key={match.id}>
                <label className="admin-check">
                  <input
                    type="radio"
                    name="patient"
                    value={match.id}
                    onChange={() => onChange(chosen(match))}
                  />
                  <span>
                    {match.givenName} {match.familyName}
                    {match.preferredName ? ` (${match.preferredName})` : ''}
                    <span className="admin-muted">
                      {' · '}
                      {t('schedule.calendar.mrn')} {match.mrn}
                      {' · '}
                      {t('schedule.book.born', {
                        date: formatCalendarDate(match.dateOfBirth, locale),
                      })}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {matches.data?.nextCursor ? (
            <p className="admin-muted">{t('schedule.book.moreMatches')}</p>
          ) : null}
        </fieldset>
      )}
    </div>
  );
}
