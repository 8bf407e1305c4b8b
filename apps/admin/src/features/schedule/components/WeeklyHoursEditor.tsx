import { Button, ErrorSummary, VisuallyHidden, type ErrorSummaryItem } from '@portal/ui';
import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TableScroll } from '../../../components/TableScroll';
import { fieldProblems } from '../../../lib/api-errors';
import type { AvailabilityRule } from '../api/schedule';
import type { ScheduleConflict } from '../api/schedule';
import type { Location } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useHoursChange, type WeeklyRuleInput } from '../api/schedule';
import { isDate, isTime } from '@portal/ui';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const RULE_FIELDS = [
  'weekday',
  'locationId',
  'startTime',
  'endTime',
  'validFrom',
  'validUntil',
] as const;
type RuleField = (typeof RULE_FIELDS)[number];
const SERVER_FIELD = /^rules\[(\d+)\]\.(\w+)$/;
const CAPTION_ID = 'weekly-hours-caption';
const SUMMARY_ID = 'weekly-hours-errors';

interface Row {
  key: number;
  weekday: string;
  locationId: string;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string;
}

type RowErrors = Partial<Record<RuleField, string>>;

export function inputId(row: number, field: RuleField): string {
  return `hours-${row}-${field}`;
}

let rowKeys = 0;

function toRow(rule: AvailabilityRule): Row {
  rowKeys += 1;
  return {
    key: rowKeys,
    weekday: String(rule.weekday),
    locationId: rule.locationId,
    startTime: rule.startTime,
    endTime: rule.endTime,
    validFrom: rule.validFrom,
    validUntil: rule.validUntil ?? '',
  };
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function useWeekdayName() {
  const { t } = useTranslation();
  return (weekday: number) => t(`schedule.weekdays.${weekday}` as 'schedule.weekdays.1');
}

export interface WeeklyHoursEditorProps {
  providerId: string;
  rules: AvailabilityRule[];
  locations: Location[];
  /** After a save: the conflicts it left (possibly none). */
  onSaved: (conflicts: ScheduleConflict[]) => void;
}

/**
 * The provider's weekly hours as rows (weekday, location, start, end, valid from/until). Saving
 * replaces them all in one go; the API's field errors ("rules[2].endTime") land on the very
 * input they are about, and in a summary that links to it.
 */
export function WeeklyHoursEditor({
  providerId,
  rules,
  locations,
  onSaved,
}: WeeklyHoursEditorProps) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const replace = $api.useMutation(
    'put',
    '/api/v1/providers/{providerId}/availability',
    useHoursChange(providerId),
  );
  const [rows, setRows] = useState<Row[]>(() => rules.map(toRow));
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const activeLocations = locations.filter((location) => location.active);

  const update = (key: number, changes: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  const clearErrors = () => {
    setErrors([]);
    setSummary(null);
  };

  const addRow = () => {
    const last = rows[rows.length - 1];
    rowKeys += 1;
    const next: Row = {
      key: rowKeys,
      weekday: last ? String((Number(last.weekday) % 7) + 1) : '1',
      locationId: last?.locationId ?? activeLocations[0]?.id ?? '',
      startTime: last?.startTime ?? '09:00',
      endTime: last?.endTime ?? '17:00',
      validFrom: '',
      validUntil: '',
    };
    // Row numbers shift, so errors from the last save no longer point at the right inputs.
    clearErrors();
    setRows((current) => [...current, next]);
    requestAnimationFrame(() => document.getElementById(inputId(rows.length, 'weekday'))?.focus());
  };

  const removeRow = (key: number) => {
    clearErrors();
    setRows((current) => current.filter((row) => row.key !== key));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const show = (next: RowErrors[], other: string[]) => {
    setErrors(next);
    const items: ErrorSummaryItem[] = [];
    next.forEach((rowErrors, index) => {
      for (const field of RULE_FIELDS) {
        const message = rowErrors?.[field];
        if (message) {
          items.push({
            message: t('schedule.hours.rowError', { row: index + 1, message }),
            targetId: inputId(index, field),
          });
        }
      }
    });
    setSummary([...items, ...other.map((message) => ({ message }))]);
  };

  const check = (): RowErrors[] =>
    rows.map((row) => {
      const found: RowErrors = {};
      if (!row.locationId) found.locationId = t('schedule.hours.errors.location');
      if (!isTime(row.startTime)) found.startTime = t('schedule.hours.errors.time');
      if (!isTime(row.endTime)) found.endTime = t('schedule.hours.errors.time');
      else if (isTime(row.startTime) && minutes(row.endTime) <= minutes(row.startTime)) {
        found.endTime = t('schedule.hours.errors.endBeforeStart');
      }
      if (row.validFrom && !isDate(row.validFrom))
        found.validFrom = t('schedule.hours.errors.date');
      if (row.validUntil && !isDate(row.validUntil)) {
        found.validUntil = t('schedule.hours.errors.date');
      } else if (row.validUntil && row.validFrom && row.validUntil < row.validFrom) {
        found.validUntil = t('schedule.hours.errors.untilBeforeFrom');
      }
      return found;
    });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (replace.isPending) return;
    setAttempt((count) => count + 1);
    setFailure(null);
    const found = check();
    if (found.some((rowErrors) => Object.keys(rowErrors).length > 0)) {
      show(found, []);
      return;
    }
    clearErrors();
    const body: WeeklyRuleInput[] = rows.map((row) => ({
      locationId: row.locationId,
      weekday: Number(row.weekday),
      startTime: row.startTime,
      endTime: row.endTime,
      ...(row.validFrom ? { validFrom: row.validFrom } : {}),
      ...(row.validUntil ? { validUntil: row.validUntil } : {}),
    }));
    try {
      const saved = await replace.mutateAsync({
        params: { path: { providerId } },
        body: { rules: body },
      });
      setRows(saved.rules.map(toRow));
      onSaved(saved.conflicts);
    } catch (error) {
      const problems = fieldProblems(error, (field) => field);
      if (problems.length === 0) {
        setFailure(error);
        return;
      }
      const next: RowErrors[] = rows.map(() => ({}));
      const other: string[] = [];
      for (const { field, message } of problems) {
        const match = field ? SERVER_FIELD.exec(field) : null;
        const index = match ? Number(match[1]) : -1;
        const name = match?.[2];
        const rowErrors = next[index];
        if (rowErrors && name && (RULE_FIELDS as readonly string[]).includes(name)) {
          rowErrors[name as RuleField] ??= message;
        } else {
          other.push(
            index >= 0 ? t('schedule.hours.rowError', { row: index + 1, message }) : message,
          );
        }
      }
      show(next, other);
    }
  };

  const cell = (index: number, field: RuleField, label: string, control: ReactNode) => {
    const error = errors[index]?.[field];
    return (
      <td className={error ? 'ui-field--invalid' : undefined}>
        <label className="ui-visually-hidden" htmlFor={inputId(index, field)}>
          {t('schedule.hours.fieldInRow', { field: label, row: index + 1 })}
        </label>
        {error ? (
          <p className="ui-field__error" id={`${inputId(index, field)}-error`}>
            {error}
          </p>
        ) : null}
        {control}
      </td>
    );
  };

  /** What every control in a row shares: its id, value, change and its error, if any. */
  const bound = (row: Row, index: number, field: RuleField) => ({
    id: inputId(index, field),
    value: row[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      update(row.key, { [field]: event.target.value }),
    ...(errors[index]?.[field]
      ? { 'aria-describedby': `${inputId(index, field)}-error`, 'aria-invalid': true as const }
      : {}),
  });

  const timeCell = (row: Row, index: number, field: RuleField, label: string) =>
    cell(
      index,
      field,
      label,
      <input className="ui-input" type="time" step={300} {...bound(row, index, field)} />,
    );

  const dateCell = (row: Row, index: number, field: RuleField, label: string) =>
    cell(
      index,
      field,
      label,
      <input className="ui-input" type="date" {...bound(row, index, field)} />,
    );

  return (
    <>
      {summary ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('sections.errors.summaryTitle')}
          errors={summary}
          focusKey={attempt}
        />
      ) : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <form
        noValidate
        aria-label={t('schedule.hours.formLabel')}
        aria-describedby={summary ? SUMMARY_ID : undefined}
        onSubmit={(event) => void submit(event)}
      >
        {rows.length === 0 ? (
          <p>{t('schedule.hours.noRows')}</p>
        ) : (
          <TableScroll captionId={CAPTION_ID}>
            <table className="admin-table schedule-hours-table">
              <caption id={CAPTION_ID}>{t('schedule.hours.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('schedule.hours.columns.weekday')}</th>
                  <th scope="col">{t('schedule.hours.columns.location')}</th>
                  <th scope="col">{t('schedule.hours.columns.start')}</th>
                  <th scope="col">{t('schedule.hours.columns.end')}</th>
                  <th scope="col">{t('schedule.hours.columns.validFrom')}</th>
                  <th scope="col">{t('schedule.hours.columns.validUntil')}</th>
                  <th scope="col">
                    <VisuallyHidden>{t('schedule.hours.columns.remove')}</VisuallyHidden>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.key}>
                    {cell(
                      index,
                      'weekday',
                      t('schedule.hours.columns.weekday'),
                      <select className="admin-select" {...bound(row, index, 'weekday')}>
                        {WEEKDAYS.map((weekday) => (
                          <option key={weekday} value={String(weekday)}>
                            {weekdayName(weekday)}
                          </option>
                        ))}
                      </select>,
                    )}
                    {cell(
                      index,
                      'locationId',
                      t('schedule.hours.columns.location'),
                      <select className="admin-select" {...bound(row, index, 'locationId')}>
                        <option value="">{t('schedule.hours.chooseLocation')}</option>
                        {locations
                          .filter((location) => location.active || location.id === row.locationId)
                          .map((location) => (
                            <option key={location.id} value={location.id}>
                              {location.active
                                ? location.name
                                : t('schedule.toolbar.inactive', { name: location.name })}
                            </option>
                          ))}
                      </select>,
                    )}
                    {timeCell(row, index, 'startTime', t('schedule.hours.columns.start'))}
                    {timeCell(row, index, 'endTime', t('schedule.hours.columns.end'))}
                    {dateCell(row, index, 'validFrom', t('schedule.hours.columns.validFrom'))}
                    {dateCell(row, index, 'validUntil', t('schedule.hours.columns.validUntil'))}
                    <td>
                      <Button variant="secondary" onClick={() => removeRow(row.key)}>
                        {t('schedule.hours.remove')}
                        <VisuallyHidden>
                          {t('schedule.hours.rowName', { row: index + 1 })}
                        </VisuallyHidden>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="admin-muted">{t('schedule.hours.hint')}</p>
        <div className="ui-actions">
          <Button ref={addButton} variant="secondary" onClick={addRow}>
            {t('schedule.hours.add')}
          </Button>
          <Button type="submit" busy={replace.isPending}>
            {replace.isPending ? t('sections.saving') : t('schedule.hours.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The same hours, read-only, for roles that see but do not change them. */
export function WeeklyHoursTable({
  rules,
  locations,
}: {
  rules: AvailabilityRule[];
  locations: Map<string, Location>;
}) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  if (rules.length === 0) return <p>{t('schedule.hours.noRows')}</p>;
  const sorted = [...rules].sort(
    (a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime),
  );
  return (
    <TableScroll captionId={CAPTION_ID}>
      <table className="admin-table">
        <caption id={CAPTION_ID}>{t('schedule.hours.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedule.hours.columns.weekday')}</th>
            <th scope="col">{t('schedule.hours.columns.location')}</th>
            <th scope="col">{t('schedule.hours.columns.hours')}</th>
            <th scope="col">{t('schedule.hours.columns.validFrom')}</th>
            <th scope="col">{t('schedule.hours.columns.validUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((rule) => (
            <tr key={rule.id}>
              <th scope="row">{weekdayName(rule.weekday)}</th>
              <td>
                {locations.get(rule.locationId)?.name ?? '—'}
                <br />
                <span className="admin-muted">{locations.get(rule.locationId)?.timeZone}</span>
              </td>
              <td className="admin-nowrap">
                {rule.startTime}–{rule.endTime}
              </td>
              <td className="admin-nowrap">{rule.validFrom}</td>
              <td className="admin-nowrap">{rule.validUntil ?? t('schedule.hours.noEnd')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
