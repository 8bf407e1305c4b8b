import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { sameField, useFormProblems } from '../../../lib/form-problems';
import { FormProblems } from '../../../components/FormProblems';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { useAppointmentChange } from '../api/schedule';
import type { OpenSlot } from '../api/schedule';
import type { Appointment } from '../api/schedule';
import { useLocations, useProviders, useVisitTypes } from '../../../lib/catalog';
import { isSlotTaken } from '../utils/action-result';
import { isTime, zonedToday, zonedToUtc } from '@portal/ui';
import { formatWhen } from '../utils/format';
import { PatientPicker, type ChosenPatient } from './PatientPicker';
import { slotKey, SlotFinder } from './SlotFinder';
import { TextAreaField } from '../../../components/TextAreaField';

const REASON_MAX = 1000;

type Field = 'patient' | 'visitTypeId' | 'providerId' | 'locationId' | 'slot' | 'reason';
const FIELDS: readonly Field[] = [
  'patient',
  'visitTypeId',
  'providerId',
  'locationId',
  'slot',
  'reason',
];

/** The API names the start time; the form's field for it is the list of open times. */
function formField(serverField: string): Field | undefined {
  if (serverField === 'startsAt') return 'slot';
  return sameField(FIELDS)(serverField);
}

export interface BookingFormProps {
  /** Prefix for the fields' ids (two forms never share a page, but ids stay readable). */
  idPrefix: string;
  label: string;
  /** Booking from a patient's chart: the patient is fixed. */
  patient?: ChosenPatient;
  initialProviderId?: string;
  initialLocationId?: string;
  /** First day to look for open times from (YYYY-MM-DD). */
  initialDate?: string;
  /** A time of that day asked for (HH:MM in the location's zone): chosen when it is open. */
  initialTime?: string;
  onBooked: (appointment: Appointment, patientName: string) => void | Promise<void>;
  /** The way out: a link or a button. */
  cancel: ReactNode;
}

/**
 * Book a visit: the patient (unless fixed), the kind of visit, optionally a provider and
 * location, one of the open times, and a reason for the care team. Staff are bound only by the
 * provider's hours and free times, so any open time may be chosen.
 */
export function BookingForm({
  idPrefix,
  label,
  patient: fixedPatient,
  initialProviderId = '',
  initialLocationId = '',
  initialDate,
  initialTime,
  onBooked,
  cancel,
}: BookingFormProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const visitTypes = useVisitTypes();
  const providers = useProviders();
  const locations = useLocations();
  const book = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments',
    useAppointmentChange(),
  );
  const [patient, setPatient] = useState<ChosenPatient | null>(fixedPatient ?? null);
  const [visitTypeId, setVisitTypeId] = useState('');
  const [providerId, setProviderId] = useState(initialProviderId);
  const [locationId, setLocationId] = useState(initialLocationId);
  const [slot, setSlot] = useState<OpenSlot | null>(null);
  const [reason, setReason] = useState('');

  const id = (field: Field) =>
    field === 'slot'
      ? `${idPrefix}-slot`
      : `${idPrefix}-${field === 'patient' ? 'patient-search' : field}`;

  const problems = useFormProblems(FIELDS, id);
  const { errors } = problems;

  if (visitTypes.isPending || providers.isPending || locations.isPending) {
    return (
      <LoadingState label={t('schedule.book.loading')}>
        <Skeleton height="2.5rem" />
        <Skeleton height="2.5rem" />
        <Skeleton height="6rem" />
      </LoadingState>
    );
  }
  if (visitTypes.isError || providers.isError || locations.isError) {
    return <ApiErrorAlert error={visitTypes.error ?? providers.error ?? locations.error} />;
  }

  const activeVisitTypes = visitTypes.data.filter((type) => type.active);
  const offering = providers.data.filter(
    (item) => item.active && (!visitTypeId || item.visitTypeIds.includes(visitTypeId)),
  );
  const provider = offering.find((item) => item.id === providerId);
  const activeLocations = locations.data.filter((item) => item.active);
  const location = activeLocations.find((item) => item.id === locationId);
  const zone =
    location?.timeZone ??
    locations.data.find((item) => provider?.locationIds.includes(item.id))?.timeZone ??
    activeLocations[0]?.timeZone ??
    'UTC';
  const today = zonedToday(zone);
  const from = initialDate && initialDate > today ? initialDate : today;
  const askedFor =
    initialDate && initialTime && isTime(initialTime) && initialDate >= today
      ? zonedToUtc(initialDate, initialTime, zone)
      : undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (book.isPending) return;
    problems.begin();
    const hints: Partial<Record<Field, string>> = {};
    if (!patient) hints.patient = t('schedule.book.errors.patient');
    if (!visitTypeId) hints.visitTypeId = t('schedule.book.errors.visitType');
    else if (!slot) hints.slot = t('schedule.book.errors.slot');
    if (reason.trim().length > REASON_MAX) {
      hints.reason = t('schedule.book.errors.reasonTooLong', { max: REASON_MAX });
    }
    if (!patient || !slot || Object.keys(hints).length > 0) {
      problems.show(hints);
      return;
    }
    problems.clear();
    const text = reason.trim();
    try {
      const appointment = await book.mutateAsync({
        params: { path: { patientId: patient.id } },
        body: {
          visitTypeId,
          providerId: slot.provider.id,
          locationId: slot.location.id,
          startsAt: slot.startsAt,
          ...(text ? { reason: text } : {}),
        },
      });
      await onBooked(appointment, patient.name);
    } catch (error) {
      if (isSlotTaken(error)) {
        setSlot(null);
        problems.show({ slot: t('schedule.book.errors.slotTaken') });
        return;
      }
      problems.fail(error, formField);
    }
  };

  const resetSlot = () => setSlot(null);

  return (
    <>
      <FormProblems id={`${idPrefix}-errors`} {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={label}
        onSubmit={(event) => void submit(event)}
      >
        {fixedPatient ? null : (
          <PatientPicker
            inputId={id('patient')}
            value={patient}
            onChange={setPatient}
            error={errors.patient}
          />
        )}
        <div className="admin-form-grid">
          <SelectField
            id={id('visitTypeId')}
            name="visitTypeId"
            label={t('schedule.book.visitType')}
            value={visitTypeId}
            error={errors.visitTypeId}
            options={[
              { value: '', label: t('schedule.book.chooseVisitType') },
              ...activeVisitTypes.map((type) => ({
                value: type.id,
                label: t('schedule.book.visitTypeOption', {
                  name: type.name,
                  count: type.durationMinutes,
                }),
              })),
            ]}
            onChange={(event) => {
              setVisitTypeId(event.target.value);
              resetSlot();
            }}
          />
          <SelectField
            id={id('providerId')}
            name="providerId"
            label={t('schedule.book.provider')}
            value={provider ? provider.id : ''}
            error={errors.providerId}
            options={[
              { value: '', label: t('schedule.book.anyProvider') },
              ...offering.map((item) => ({ value: item.id, label: item.displayName })),
            ]}
            onChange={(event) => {
              setProviderId(event.target.value);
              resetSlot();
            }}
          />
          <SelectField
            id={id('locationId')}
            name="locationId"
            label={t('schedule.book.location')}
            value={location ? location.id : ''}
            error={errors.locationId}
            options={[
              { value: '', label: t('schedule.book.anyLocation') },
              ...activeLocations.map((item) => ({ value: item.id, label: item.name })),
            ]}
            onChange={(event) => {
              setLocationId(event.target.value);
              resetSlot();
            }}
          />
        </div>
        {askedFor ? (
          <p className="schedule-book__asked">
            {t('schedule.book.askedTime', { time: formatWhen(askedFor, zone, locale) })}
          </p>
        ) : null}
        <SlotFinder
          key={`${visitTypeId}|${provider?.id ?? ''}|${location?.id ?? ''}`}
          visitTypeId={visitTypeId}
          providerId={provider?.id}
          locationId={location?.id}
          timeZone={zone}
          initialFrom={from}
          value={slot ? slotKey(slot) : ''}
          onChange={setSlot}
          error={errors.slot}
          firstInputId={id('slot')}
          preferStartsAt={askedFor}
        />
        <TextAreaField
          id={id('reason')}
          name="reason"
          label={t('schedule.book.reason')}
          hint={t('schedule.book.reasonHint')}
          rows={3}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="ui-actions">
          <Button type="submit" busy={book.isPending}>
            {book.isPending ? t('schedule.book.booking') : t('schedule.book.submit')}
          </Button>
          {cancel}
        </div>
      </form>
    </>
  );
}
