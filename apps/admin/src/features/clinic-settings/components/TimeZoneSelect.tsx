import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneGroups, zoneLabel } from '../utils/time-zones';

export interface TimeZoneSelectProps {
  id: string;
  value: string;
  error?: string;
  onChange: (zone: string) => void;
}

/** Every IANA time zone, grouped by area; typing the start of a city jumps to it. */
export function TimeZoneSelect({ id, value, error, onChange }: TimeZoneSelectProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => timeZoneGroups(), []);
  // Four hundred options: built once, so typing elsewhere in the form does not rebuild them.
  const options = useMemo(
    () =>
      groups.map((group) => (
        <optgroup key={group.area} label={group.area}>
          {group.zones.map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabel(zone)}
            </option>
          ))}
        </optgroup>
      )),
    [groups],
  );
  const hintId = useId();
  const errorId = `${id}-error`;
  const known = groups.some((group) => group.zones.includes(value));
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={id}>
        {t('clinicSettings.locations.fields.timeZone')}
      </label>
      <p className="ui-field__hint" id={hintId}>
        {t('clinicSettings.locations.timeZoneHint')}
      </p>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name="timeZone"
        className="admin-select"
        value={value}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('clinicSettings.locations.chooseTimeZone')}</option>
        {value && !known ? <option value={value}>{value}</option> : null}
        {options}
      </select>
    </div>
  );
}
