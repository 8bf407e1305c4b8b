import { Button, TextField, VisuallyHidden } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField } from '../../../components/SelectField';
import { TableScroll } from '../../../components/TableScroll';
import { sameField, useFormProblems } from '../../../lib/form-problems';
import { FormProblems } from '../../../components/FormProblems';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { useHoursChange } from '../api/schedule';
import type { AvailabilityException } from '../api/schedule';
import type { ScheduleConflict } from '../api/schedule';
import type { Location } from '../../../lib/catalog';
import { formatWhen } from '../utils/format';
import { isDate, isTime, zonedToUtc } from '@portal/ui';
import { TextAreaField } from '../../../components/TextAreaField';

const CAPTION_ID = 'exceptions-caption';
const MAX_DAYS = 31;
const DAY = 86_400_000;

type Kind = AvailabilityException['kind'];
type Field =
  'kind' | 'locationId' | 'timeZone' | 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'note';
const FIELDS: readonly Field[] = [
  'kind',
  'locationId',
  'timeZone',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'note',
];

function fieldId(field: Field): string {
  return `exception-${field}`;
}

/** The API speaks of instants; the form of a day and a time for each. */
function formField(serverField: string): Field | undefined {
  if (serverField === 'startsAt') return 'startDate';
  if (serverField === 'endsAt') return 'endDate';
  return sameField(FIELDS)(serverField);
}

export interface ExceptionsSectionProps {
  providerId: string;
  exceptions: AvailabilityException[];
  locations: Location[];
  /** The zone of the provider's own hours: time off is entered in it by default. */
  providerZone: string;
  editable: boolean;
  onChanged: (result: { text: string; conflicts: ScheduleConflict[] }) => void;
}

/**
 * Time off (no patients anywhere) and extra hours (at one location), each from a local day
 * and time to another, read in the location's zone and sent as UTC instants.
 */
export function ExceptionsSection({
  providerId,
  exceptions,
  locations,
  providerZone,
  editable,
  onChanged,
}: ExceptionsSectionProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const hoursChange = useHoursChange(providerId);
  const add = $api.useMutation('post', '/api/v1/providers/{providerId}/exceptions', hoursChange);
  const remove = $api.useMutation(
    'delete',
    '/api/v1/providers/{providerId}/exceptions/{exceptionId}',
    hoursChange,
  );
  const [deleting, setDeleting] = useState<AvailabilityException | null>(null);
  const activeLocations = locations.filter((location) => location.active);
  const zones = [...new Set(locations.map((location) => location.timeZone))].sort();
  const locationMap = new Map(locations.map((location) => [location.id, location]));

  const empty = {
    kind: 'time-off' as Kind,
    locationId: '',
    timeZone: providerZone,
    startDate: '',
    startTime: '09:00',
    endDate: '',
    endTime: '17:00',
    note: '',
  };
  const [values, setValues] = useState(empty);
  const problems = useFormProblems(FIELDS, fieldId);
  const { errors } = problems;

  const zoneOf = (exception: AvailabilityException) =>
    (exception.locationId ? locationMap.get(exception.locationId)?.timeZone : undefined) ??
    providerZone;

  const formZone =
    values.kind === 'extra-hours'
      ? (locationMap.get(values.locationId)?.timeZone ?? providerZone)
      : values.timeZone;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    problems.begin();
    const hints: Partial<Record<Field, string>> = {};
    if (values.kind === 'extra-hours' && !values.locationId) {
      hints.locationId = t('schedule.exceptions.errors.location');
    }
    if (!isDate(values.startDate)) hints.startDate = t('schedule.exceptions.errors.date');
    if (!isTime(values.startTime)) hints.startTime = t('schedule.exceptions.errors.time');
    if (!isDate(values.endDate)) hints.endDate = t('schedule.exceptions.errors.date');
    if (!isTime(values.endTime)) hints.endTime = t('schedule.exceptions.errors.time');
    let startsAt = '';
    let endsAt = '';
    if (Object.keys(hints).length === 0) {
      startsAt = zonedToUtc(values.startDate, values.startTime, formZone);
      endsAt = zonedToUtc(values.endDate, values.endTime, formZone);
      const length = Date.parse(endsAt) - Date.parse(startsAt);
      if (length <= 0) hints.endDate = t('schedule.exceptions.errors.endBeforeStart');
      else if (length > MAX_DAYS * DAY) {
        hints.endDate = t('schedule.exceptions.errors.tooLong', { days: MAX_DAYS });
      }
    }
    if (Object.keys(hints).length > 0) {
      problems.show(hints);
      return;
    }
    problems.clear();
    const note = values.note.trim();
    try {
      const result = await add.mutateAsync({
        params: { path: { providerId } },
        body: {
          kind: values.kind,
          ...(values.kind === 'extra-hours' ? { locationId: values.locationId } : {}),
          startsAt,
          endsAt,
          ...(note ? { note } : {}),
        },
      });
      setValues({ ...empty, kind: values.kind, locationId: values.locationId });
      onChanged({
        text: t(`schedule.exceptions.added.${values.kind}`, {
          from: formatWhen(result.exception.startsAt, formZone, locale),
          to: formatWhen(result.exception.endsAt, formZone, locale),
        }),
        conflicts: result.conflicts,
      });
    } catch (error) {
      problems.fail(error, formField);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      const result = await remove.mutateAsync({
        params: { path: { providerId, exceptionId: deleting.id } },
      });
      onChanged({
        text: t(`schedule.exceptions.deleted.${deleting.kind}`),
        conflicts: result.conflicts,
      });
      setDeleting(null);
    } catch {
      // Explained inside the dialog, which stays open.
    }
  };

  const set = (changes: Partial<typeof values>) =>
    setValues((current) => ({ ...current, ...changes }));

  return (
    <>
      {exceptions.length === 0 ? (
        <p>{t('schedule.exceptions.none')}</p>
      ) : (
        <TableScroll captionId={CAPTION_ID}>
          <table className="admin-table">
            <caption id={CAPTION_ID}>{t('schedule.exceptions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.exceptions.columns.kind')}</th>
                <th scope="col">{t('schedule.exceptions.columns.from')}</th>
                <th scope="col">{t('schedule.exceptions.columns.to')}</th>
                <th scope="col">{t('schedule.exceptions.columns.location')}</th>
                <th scope="col">{t('schedule.exceptions.columns.note')}</th>
                {editable ? (
                  <th scope="col">
                    <VisuallyHidden>{t('schedule.exceptions.columns.actions')}</VisuallyHidden>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {exceptions.map((exception) => {
                const zone = zoneOf(exception);
                const from = formatWhen(exception.startsAt, zone, locale);
                return (
                  <tr key={exception.id}>
                    <th scope="row">{t(`schedule.exceptions.kind.${exception.kind}`)}</th>
                    <td className="admin-nowrap">
                      <time dateTime={exception.startsAt}>{from}</time>
                    </td>
                    <td className="admin-nowrap">
                      <time dateTime={exception.endsAt}>
                        {formatWhen(exception.endsAt, zone, locale)}
                      </time>
                    </td>
                    <td>
                      {exception.locationId
                        ? (locationMap.get(exception.locationId)?.name ?? '—')
                        : t('schedule.exceptions.everywhere')}
                    </td>
                    <td>{exception.note ?? ''}</td>
                    {editable ? (
                      <td>
                        <Button
                          variant="secondary"
                          onClick={() => {
                            remove.reset();
                            setDeleting(exception);
                          }}
                        >
                          {t('schedule.exceptions.delete')}
                          <VisuallyHidden>
                            {t('schedule.exceptions.deleteWhich', {
                              kind: t(`schedule.exceptions.kind.${exception.kind}`),
                              from,
                            })}
                          </VisuallyHidden>
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editable ? (
        <section className="ui-card schedule-section" aria-labelledby="exception-add-heading">
          <h3 id="exception-add-heading">{t('schedule.exceptions.addTitle')}</h3>
          <FormProblems {...problems} />
          <form
            className="admin-form"
            noValidate
            aria-label={t('schedule.exceptions.addTitle')}
            onSubmit={(event) => void submit(event)}
          >
            <fieldset className="admin-fieldset">
              <legend>{t('schedule.exceptions.kindLegend')}</legend>
              {(['time-off', 'extra-hours'] as const).map((kind, index) => (
                <label key={kind} className="admin-check">
                  <input
                    id={index === 0 ? fieldId('kind') : undefined}
                    type="radio"
                    name="exceptionKind"
                    value={kind}
                    checked={values.kind === kind}
                    onChange={() => set({ kind })}
                  />
                  <span>{t(`schedule.exceptions.kindChoice.${kind}`)}</span>
                </label>
              ))}
            </fieldset>
            {values.kind === 'extra-hours' ? (
              <SelectField
                id={fieldId('locationId')}
                name="locationId"
                label={t('schedule.exceptions.location')}
                hint={t('schedule.exceptions.locationHint')}
                value={values.locationId}
                error={errors.locationId}
                options={[
                  { value: '', label: t('schedule.hours.chooseLocation') },
                  ...activeLocations.map((location) => ({
                    value: location.id,
                    label: t('schedule.exceptions.locationOption', {
                      name: location.name,
                      zone: location.timeZone,
                    }),
                  })),
                ]}
                onChange={(event) => set({ locationId: event.target.value })}
              />
            ) : zones.length > 1 ? (
              <SelectField
                id={fieldId('timeZone')}
                name="timeZone"
                label={t('schedule.exceptions.timeZone')}
                value={values.timeZone}
                error={errors.timeZone}
                options={zones.map((zone) => ({ value: zone, label: zone }))}
                onChange={(event) => set({ timeZone: event.target.value })}
              />
            ) : null}
            <p className="admin-muted">{t('schedule.exceptions.zoneNote', { zone: formZone })}</p>
            <div className="admin-form-grid">
              <TextField
                id={fieldId('startDate')}
                name="startDate"
                type="date"
                label={t('schedule.exceptions.startDate')}
                value={values.startDate}
                error={errors.startDate}
                onChange={(event) => set({ startDate: event.target.value })}
              />
              <TextField
                id={fieldId('startTime')}
                name="startTime"
                type="time"
                step={300}
                label={t('schedule.exceptions.startTime')}
                value={values.startTime}
                error={errors.startTime}
                onChange={(event) => set({ startTime: event.target.value })}
              />
              <TextField
                id={fieldId('endDate')}
                name="endDate"
                type="date"
                label={t('schedule.exceptions.endDate')}
                value={values.endDate}
                error={errors.endDate}
                onChange={(event) => set({ endDate: event.target.value })}
              />
              <TextField
                id={fieldId('endTime')}
                name="endTime"
                type="time"
                step={300}
                label={t('schedule.exceptions.endTime')}
                value={values.endTime}
                error={errors.endTime}
                onChange={(event) => set({ endTime: event.target.value })}
              />
            </div>
            <TextAreaField
              id={fieldId('note')}
              name="note"
              label={t('schedule.exceptions.note')}
              hint={t('schedule.exceptions.noteHint')}
              rows={2}
              value={values.note}
              error={errors.note}
              onChange={(event) => set({ note: event.target.value })}
            />
            <div className="ui-actions">
              <Button type="submit" busy={add.isPending}>
                {add.isPending ? t('sections.saving') : t('schedule.exceptions.add')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t(`schedule.exceptions.deleteDialog.title.${deleting.kind}`) : ''}
        description={
          deleting
            ? t('schedule.exceptions.deleteDialog.body', {
                from: formatWhen(deleting.startsAt, zoneOf(deleting), locale),
                to: formatWhen(deleting.endsAt, zoneOf(deleting), locale),
              })
            : ''
        }
        confirmLabel={t('schedule.exceptions.deleteDialog.confirm')}
        cancelLabel={t('schedule.exceptions.deleteDialog.cancel')}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
