import { useMemo } from 'react';
import { FieldShell } from '@portal/ui';
import '../../../components/sections.css';
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
  const known = groups.some((group) => group.zones.includes(value));
  return (
    <FieldShell
      id={id}
      label={t('clinicSettings.locations.fields.timeZone')}
      hint={t('clinicSettings.locations.timeZoneHint')}
      error={error}
    >
      {(control) => (
        <select
          {...control}
          name="timeZone"
          className="admin-select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('clinicSettings.locations.chooseTimeZone')}</option>
          {value && !known ? <option value={value}>{value}</option> : null}
          {options}
        </select>
      )}
    </FieldShell>
  );
}
