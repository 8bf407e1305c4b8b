import '../appointments.css';
import { Confirmation } from '@portal/auth-ui';
import { isApiError } from '@portal/api-client';
import {
  Alert,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  LinkList,
  zonedDate,
  zonedToday,
} from '@portal/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import { appointmentPath } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import {
  appointmentQuery,
  refreshOpenTimes,
  useAfterAppointmentChange,
  useTimeSearch,
  type Appointment,
} from '../api';
import { AppointmentFacts, PlaceFact, ProviderFact } from '../components/AppointmentFacts';
import { CallToChange } from '../components/CallToChange';
import { AppointmentState } from '../components/AppointmentState';
import { CutoffNotice } from '../components/CutoffNotice';
import { allOf, isNotFound, QueryPending } from '../../../components/QueryState';
import { patientPage } from '../../../components/PatientOnly';
import { TimePicker } from '../components/TimePicker';
import { outcomeState } from '../utils/outcome';
import { problemItems } from '../../../lib/form-problems';
import {
  readChosenTime,
  readTimeSearch,
  stepSearch,
  type ChosenTime,
  type TimeSearch,
} from '../utils/search-params';

const CHANGE_TIME_ID = 'reschedule-change-time';
const TARGETS: Record<string, string> = {
  startsAt: CHANGE_TIME_ID,
  providerId: CHANGE_TIME_ID,
  locationId: CHANGE_TIME_ID,
};

/** The current visit's choices: its provider and location, from its day (or today). */
function visitSearch(appointment: Appointment): TimeSearch {
  const day = zonedDate(appointment.startsAt, appointment.location.timeZone);
  return {
    providerId: appointment.provider.id,
    locationId: appointment.location.id,
    // timeWindow starts from today when this day has passed.
    from: day > zonedToday(appointment.location.timeZone) ? day : undefined,
  };
}

/** Why the time list shows again: the time was taken, the visit changed, or it is too late. */
type Notice = 'slotTaken' | 'changed' | 'cutoff';

/**
 * /appointments/:appointmentId/reschedule — the same time picker as booking, for the same kind
 * of visit, then "from … to …" and one button. The API moves the visit in one step, so the old
 * time is kept until the new one is certain.
 */
export const RescheduleAppointmentPage = patientPage('appointments.reschedule.title', Reschedule);

function Reschedule({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const [params] = useSearchParams();
  const { search: address } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const appointment = useQuery(appointmentQuery(patientId, appointmentId));
  // A first visit to this page (nothing chosen yet) starts from the visit's own provider,
  // location and day (today when that has passed); the choices then live in the address.
  // Until the address has them, the visit's choices are used as they are.
  const [fromAddress, setFromAddress] = useState(params.size > 0);
  const search =
    !fromAddress && appointment.data ? visitSearch(appointment.data) : readTimeSearch(params);
  useEffect(() => {
    if (!fromAddress && appointment.data) {
      navigate(
        { search: stepSearch({ search: visitSearch(appointment.data) }) },
        { replace: true },
      );
    }
  }, [fromAddress, appointment.data, navigate]);
  useEffect(() => {
    if (!fromAddress && params.size > 0) {
      setFromAddress(true);
    }
  }, [fromAddress, params]);
  const chosen = readChosenTime(params);
  const reviewing = chosen !== null;
  // A message, and the address of the time list it belongs to.
  const [notice, setNotice] = useState<{ kind: Notice; at: string } | null>(null);

  useEffect(() => {
    if (reviewing) {
      setNotice(null);
    }
  }, [reviewing]);

  const shownNotice = !chosen && notice?.at === address ? notice.kind : null;

  /** Back to the time list with a message, and fresh open times (and record, when stale). */
  const backToTimes = (kind: Notice) => {
    const list = stepSearch({ search });
    setNotice({ kind, at: list });
    navigate({ search: list }, { replace: true });
    void refreshOpenTimes(queryClient);
    if (kind !== 'slotTaken') {
      void appointment.refetch();
    }
  };

  const title = chosen
    ? t('appointments.reschedule.reviewTitle')
    : t('appointments.reschedule.pickTitle');
  const notFound = isNotFound(appointment);
  return (
    <Page
      key={chosen ? 'review' : 'pick'}
      title={t('appointments.reschedule.title')}
      heading={notFound ? t('appointments.details.notFoundTitle') : title}
      autoFocus={shownNotice ? false : undefined}
    >
      <AppointmentState query={appointment}>
        {(data) => (
          <RescheduleContent
            patientId={patientId}
            appointment={data}
            search={search}
            chosen={chosen}
            notice={shownNotice}
            onStale={backToTimes}
          />
        )}
      </AppointmentState>
    </Page>
  );
}

interface RescheduleContentProps {
  patientId: string;
  appointment: Appointment;
  search: TimeSearch;
  chosen: ChosenTime | null;
  notice: Notice | null;
  onStale: (kind: Notice) => void;
}

function RescheduleContent({
  patientId,
  appointment,
  search,
  chosen,
  notice,
  onStale,
}: RescheduleContentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = (
    <LinkList>
      <Link to={appointmentPath(appointment.id)}>{t('appointments.reschedule.keep')}</Link>
    </LinkList>
  );

  if (!appointment.canChangeOnline) {
    return (
      <>
        {notice === 'changed' ? (
          <Confirmation tone="warning">
            <p>{t('appointments.reschedule.changed')}</p>
          </Confirmation>
        ) : null}
        {appointment.status === 'booked' && Date.parse(appointment.startsAt) > Date.now() ? (
          <CallToChange appointment={appointment} announce takeFocus={notice === 'cutoff'} />
        ) : (
          <Alert tone="info">{t('appointments.notChangeable')}</Alert>
        )}
        {back}
      </>
    );
  }

  return (
    <>
      {notice === 'slotTaken' || notice === 'changed' ? (
        <Confirmation tone="warning">
          <p>
            {notice === 'slotTaken'
              ? t('appointments.book.slotTaken')
              : t('appointments.reschedule.changed')}
          </p>
        </Confirmation>
      ) : null}
      {chosen ? null : (
        <section className="ui-card" aria-labelledby="reschedule-current">
          <h2 id="reschedule-current">{t('appointments.reschedule.current')}</h2>
          <AppointmentFacts appointment={appointment} />
        </section>
      )}
      {chosen ? (
        <RescheduleReview
          patientId={patientId}
          appointment={appointment}
          search={search}
          chosen={chosen}
          onStale={onStale}
        />
      ) : (
        <TimePicker
          visitTypeId={appointment.visitType.id}
          search={search}
          // flushSync: the search form's submit event must not become a React form action.
          onSearch={(next) =>
            navigate({ search: stepSearch({ search: next }) }, { replace: true, flushSync: true })
          }
          timeLink={(slot) =>
            stepSearch({
              search,
              chosen: {
                startsAt: slot.startsAt,
                providerId: slot.provider.id,
                locationId: slot.location.id,
              },
            })
          }
        />
      )}
      {back}
    </>
  );
}

function RescheduleReview({
  patientId,
  appointment,
  search,
  chosen,
  onStale,
}: {
  patientId: string;
  appointment: Appointment;
  search: TimeSearch;
  chosen: ChosenTime;
  onStale: (kind: Notice) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const { locations, slots } = useTimeSearch(appointment.visitType.id, search);
  const reschedule = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule',
    { onSuccess: useAfterAppointmentChange(patientId) },
  );
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const listSearch = stepSearch({ search });

  if (!locations.data || !slots.data) {
    return (
      <QueryPending
        query={allOf(locations, slots)}
        copy="appointments.picker"
        skeletons={[{ height: '10rem' }]}
      />
    );
  }

  const slot = slots.data.find(
    (candidate) =>
      Date.parse(candidate.startsAt) === Date.parse(chosen.startsAt) &&
      candidate.provider.id === chosen.providerId &&
      candidate.location.id === chosen.locationId,
  );
  const location = locations.data.find((candidate) => candidate.id === chosen.locationId);
  if (!slot || !location) {
    return (
      <Alert tone="warning" announce={false}>
        <p>{t('appointments.book.review.gone')}</p>
        <p>
          <Link to={{ search: listSearch }}>{t('appointments.book.changeTime')}</Link>
        </p>
      </Alert>
    );
  }

  const confirm = async () => {
    if (reschedule.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    setErrors([]);
    try {
      const moved = await reschedule.mutateAsync({
        params: { path: { patientId, appointmentId: appointment.id } },
        body: {
          version: appointment.version,
          startsAt: slot.startsAt,
          providerId: slot.provider.id,
          locationId: slot.location.id,
        },
      });
      navigate(appointmentPath(moved.id), {
        replace: true,
        state: outcomeState({ kind: 'rescheduled', previousStartsAt: appointment.startsAt }),
      });
    } catch (error) {
      if (isApiError(error) && error.code === 'slot_taken') {
        onStale('slotTaken');
        return;
      }
      if (isApiError(error) && error.code === 'appointment_changed') {
        onStale('changed');
        return;
      }
      if (isApiError(error) && error.code === 'inside_cutoff') {
        // The record, loaded again, says it can't be changed online; the page says whom to call.
        onStale('cutoff');
        return;
      }
      setErrors(
        problemItems(error, TARGETS) ?? [
          {
            message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
          },
        ],
      );
    }
  };

  const oldWhen = formatDateTime(appointment.startsAt, appointment.location.timeZone, locale);
  const newWhen = formatDateTime(slot.startsAt, slot.location.timeZone, locale);
  return (
    <>
      {errors.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={errors} focusKey={attempt} />
      ) : null}
      {slot.canChangeOnline ? null : <CutoffNotice slot={slot} location={location} kind="review" />}
      <dl className="ui-details">
        <dt>{t('appointments.reschedule.from')}</dt>
        <dd>
          <time dateTime={appointment.startsAt}>{oldWhen}</time>
        </dd>
        <dt>{t('appointments.reschedule.to')}</dt>
        <dd>
          <time dateTime={slot.startsAt}>{newWhen}</time>
        </dd>
        <ProviderFact provider={slot.provider} />
        <PlaceFact location={location} />
      </dl>
      <ul className="ui-link-list">
        <li>
          <Link id={CHANGE_TIME_ID} to={{ search: listSearch }}>
            {t('appointments.book.changeTime')}
          </Link>
        </li>
      </ul>
      <div className="ui-actions">
        <Button busy={reschedule.isPending} onClick={() => void confirm()}>
          {reschedule.isPending
            ? t('appointments.reschedule.submitting')
            : t('appointments.reschedule.submit')}
        </Button>
      </div>
    </>
  );
}
