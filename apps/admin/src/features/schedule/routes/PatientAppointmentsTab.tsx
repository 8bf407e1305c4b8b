import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import '../../../components/sections.css';
import { TableScroll } from '../../../components/TableScroll';
import { useCanUse } from '../../../lib/access';
import { useFormatLocale } from '../../../lib/i18n';
import { patientFullName, usePatientRecord } from '../../../lib/patient-record';
import type { Appointment } from '../api/schedule';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedQueryOptions } from '../../../lib/api';
import { APPOINTMENT_PAGE_SIZE, type When } from '../api/schedule';
import { ActionResultMessage } from '../components/ActionResultMessage';
import { AppointmentActions } from '../components/AppointmentActions';
import { AppointmentStatusBadge } from '../../../components/AppointmentStatusBadge';
import { BookingForm } from '../components/BookingForm';
import { ReminderList } from '../components/ReminderList';
import '../schedule.css';
import type { ActionResult } from '../utils/action-result';
import { formatWhen } from '../utils/format';

function AppointmentTable({
  when,
  caption,
  appointments,
  patientName,
  onResult,
}: {
  when: When;
  caption: string;
  appointments: Appointment[];
  patientName: string;
  onResult: (result: ActionResult) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const captionId = `patient-appointments-${when}-caption`;
  return (
    <TableScroll captionId={captionId}>
      <table className="admin-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedule.patientTab.columns.when')}</th>
            <th scope="col">{t('schedule.patientTab.columns.visit')}</th>
            <th scope="col">{t('schedule.patientTab.columns.where')}</th>
            <th scope="col">{t('schedule.patientTab.columns.status')}</th>
            <th scope="col">{t('schedule.patientTab.columns.reminders')}</th>
            <th scope="col">{t('schedule.patientTab.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((appointment) => {
            const zone = appointment.location.timeZone;
            return (
              <tr key={appointment.id}>
                <th scope="row">
                  <time dateTime={appointment.startsAt}>
                    {formatWhen(appointment.startsAt, zone, locale)}
                  </time>
                  <br />
                  <span className="admin-muted">
                    {t('schedule.patientTab.length', {
                      count: appointment.visitType.durationMinutes,
                    })}
                  </span>
                </th>
                <td>
                  {appointment.visitType.name}
                  {appointment.reason ? (
                    <>
                      <br />
                      <span className="admin-muted">
                        {t('schedule.patientTab.reason', { reason: appointment.reason })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  {appointment.provider.displayName}
                  <br />
                  <span className="admin-muted">{appointment.location.name}</span>
                </td>
                <td>
                  <AppointmentStatusBadge status={appointment.status} />
                  {appointment.status === 'cancelled' && appointment.cancelReason ? (
                    <>
                      <br />
                      <span className="admin-muted">
                        {t('schedule.patientTab.cancelReason', {
                          reason: appointment.cancelReason,
                        })}
                      </span>
                    </>
                  ) : null}
                  <br />
                  <span className="admin-muted">
                    {appointment.bookedBy === 'patient'
                      ? t('schedule.patientTab.bookedByPatient')
                      : t('schedule.patientTab.bookedByStaff')}
                  </span>
                </td>
                <td>
                  <ReminderList reminders={appointment.reminders ?? []} timeZone={zone} />
                </td>
                <td>
                  <AppointmentActions
                    appointment={appointment}
                    patientName={patientName}
                    onResult={onResult}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AppointmentList({
  when,
  patientId,
  patientName,
  onResult,
}: {
  when: When;
  patientId: string;
  patientName: string;
  onResult: (result: ActionResult) => void;
}) {
  const { t } = useTranslation();
  const list = useInfiniteQuery(
    pagedQueryOptions('/api/v1/patients/{patientId}/appointments', {
      path: { patientId },
      query: { when, limit: APPOINTMENT_PAGE_SIZE },
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `patient-appointments-${when}`;
  return (
    <section className="schedule-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`schedule.patientTab.${when}`)}</h3>
      {list.isPending ? (
        <LoadingState label={t('schedule.patientTab.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : list.isError && !list.data ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p>{t(`schedule.patientTab.none.${when}`)}</p>
      ) : (
        <>
          <AppointmentTable
            when={when}
            caption={t(`schedule.patientTab.caption.${when}`, { name: patientName })}
            appointments={items}
            patientName={patientName}
            onResult={onResult}
          />
          <QueryLoadMore list={list} shown={items.length} onlyWithMore />
        </>
      )}
    </section>
  );
}

/**
 * The patient record's appointments tab: upcoming and past visits with their status and
 * reminder emails; front desk books, moves and cancels here, and everyone who sees patients
 * marks arrivals and visits.
 */
export function PatientAppointmentsTab() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const patient = usePatientRecord();
  const canBook = useCanUse('scheduleEdit');
  const name = patientFullName(patient);
  const [booking, setBooking] = useState(false);
  const [result, setResult] = useState<{ value: ActionResult; key: number } | null>(null);
  const bookHeading = useRef<HTMLHeadingElement>(null);
  const bookButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (booking) bookHeading.current?.focus();
  }, [booking]);

  const onResult = (value: ActionResult) =>
    setResult((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const closeForm = () => {
    setBooking(false);
    requestAnimationFrame(() => bookButton.current?.focus());
  };

  return (
    <section aria-labelledby="patient-appointments-heading">
      <h2 id="patient-appointments-heading">{t('schedule.patientTab.title')}</h2>
      {canBook && !booking ? (
        <div className="admin-page-actions">
          <Button ref={bookButton} onClick={() => setBooking(true)}>
            {t('schedule.patientTab.book')}
          </Button>
        </div>
      ) : null}
      {result ? <ActionResultMessage result={result.value} focusKey={result.key} /> : null}
      {booking ? (
        <section className="schedule-section ui-card" aria-labelledby="patient-book-heading">
          <h3 id="patient-book-heading" ref={bookHeading} tabIndex={-1}>
            {t('schedule.patientTab.bookTitle', { name })}
          </h3>
          <BookingForm
            idPrefix="patient-book"
            label={t('schedule.patientTab.bookTitle', { name })}
            patient={{ id: patient.id, name, mrn: patient.mrn }}
            onBooked={(appointment) => {
              setBooking(false);
              onResult({
                tone: 'success',
                text: t('schedule.book.done', {
                  name,
                  when: formatWhen(appointment.startsAt, appointment.location.timeZone, locale),
                  provider: appointment.provider.displayName,
                  location: appointment.location.name,
                }),
              });
            }}
            cancel={
              <Button variant="secondary" onClick={closeForm}>
                {t('sections.cancel')}
              </Button>
            }
          />
        </section>
      ) : null}
      <AppointmentList
        when="upcoming"
        patientId={patient.id}
        patientName={name}
        onResult={onResult}
      />
      <AppointmentList when="past" patientId={patient.id} patientName={name} onResult={onResult} />
    </section>
  );
}
