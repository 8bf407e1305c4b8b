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
} from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import { appointmentPath } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import { refreshOpenTimes, useAfterAppointmentChange, useTimeSearch, useVisitTypes } from '../api';
import { allOf, QueryPending } from '../../../components/QueryState';
import { patientPage } from '../../../components/PatientOnly';
import { PlaceFact, ProviderFact } from '../components/AppointmentFacts';
import { CutoffNotice } from '../components/CutoffNotice';
import { TextAreaField } from '../../../components/TextAreaField';
import { TimePicker } from '../components/TimePicker';
import { VisitTypeStep } from '../components/VisitTypeStep';
import { outcomeState } from '../utils/outcome';
import { problemItems } from '../../../lib/form-problems';
import {
  readChosenTime,
  readTimeSearch,
  readVisitTypeId,
  stepSearch,
  type ChosenTime,
  type TimeSearch,
} from '../utils/search-params';

/** The API's limit on the reason for the visit. */
export const REASON_MAX = 1000;

const IDS = {
  reason: 'booking-reason',
  changeTime: 'booking-change-time',
  changeVisitType: 'booking-change-visit-type',
} as const;

/** Which control fixes what the API refused, by the field it named. */
const TARGETS: Record<string, string> = {
  reason: IDS.reason,
  startsAt: IDS.changeTime,
  providerId: IDS.changeTime,
  locationId: IDS.changeTime,
  visitTypeId: IDS.changeVisitType,
};

/**
 * /appointments/new — find a time in three steps: the kind of visit, a time (narrowed by
 * provider, location and first day), then a review with an optional reason and "Book". The
 * steps' choices live in the address so Back works; the reason stays in memory only.
 */
export const BookAppointmentPage = patientPage('appointments.book.title', Booking);

function Booking({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { search: address } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const visitTypeId = readVisitTypeId(params);
  const search = readTimeSearch(params);
  const chosen = readChosenTime(params);
  const step = !visitTypeId ? 1 : !chosen ? 2 : 3;
  const [reason, setReason] = useState('');
  // The address of the time list that says "that time was just taken"; shown only there.
  const [takenAt, setTakenAt] = useState<string | null>(null);

  useEffect(() => {
    if (step !== 2) {
      setTakenAt(null);
    }
  }, [step]);

  const slotTaken = step === 2 && takenAt === address;
  const titles = {
    1: t('appointments.book.visitType.title'),
    2: t('appointments.book.time.title'),
    3: t('appointments.book.review.title'),
  } as const;

  const onTaken = () => {
    const list = stepSearch({ visitTypeId, search });
    setTakenAt(list);
    navigate({ search: list }, { replace: true });
    void refreshOpenTimes(queryClient);
  };

  return (
    <Page
      // Each step is its own page for focus: the heading takes focus when a step appears.
      key={step}
      title={t('appointments.book.title')}
      heading={t('appointments.book.stepHeading', { step, title: titles[step] })}
      autoFocus={slotTaken ? false : undefined}
    >
      {!visitTypeId ? (
        <VisitTypeStep
          // flushSync rather than a transition: a navigation inside a form's submit event must
          // not turn it into a React form action (see the staff app's PatientSearchPage).
          onChoose={(id) =>
            navigate({ search: stepSearch({ visitTypeId: id }) }, { flushSync: true })
          }
        />
      ) : !chosen ? (
        <TimeStep visitTypeId={visitTypeId} search={search} slotTaken={slotTaken} />
      ) : (
        <ReviewStep
          patientId={patientId}
          visitTypeId={visitTypeId}
          search={search}
          chosen={chosen}
          reason={reason}
          onReasonChange={setReason}
          onTaken={onTaken}
        />
      )}
    </Page>
  );
}

function TimeStep({
  visitTypeId,
  search,
  slotTaken,
}: {
  visitTypeId: string;
  search: TimeSearch;
  slotTaken: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const visitTypes = useVisitTypes();
  const visitType = visitTypes.data?.find((type) => type.id === visitTypeId);

  if (visitTypes.data && !visitType) {
    return (
      <Alert tone="warning" announce={false}>
        <p>{t('appointments.book.time.unknownVisitType')}</p>
        <p>
          <Link to={{ search: '' }}>{t('appointments.book.time.chooseAgain')}</Link>
        </p>
      </Alert>
    );
  }

  return (
    <>
      {slotTaken ? (
        <Confirmation tone="warning">
          <p>{t('appointments.book.slotTaken')}</p>
        </Confirmation>
      ) : null}
      {visitType ? (
        <dl className="ui-details">
          <dt>{t('appointments.fields.visit')}</dt>
          <dd>
            {visitType.name} (
            {t('appointments.fields.minutes', { count: visitType.durationMinutes })})
          </dd>
        </dl>
      ) : null}
      <LinkList>
        <Link to={{ search: '' }}>{t('appointments.book.changeVisitType')}</Link>
      </LinkList>
      <TimePicker
        visitTypeId={visitTypeId}
        search={search}
        onSearch={(next) =>
          navigate(
            { search: stepSearch({ visitTypeId, search: next }) },
            { replace: true, flushSync: true },
          )
        }
        timeLink={(slot) =>
          stepSearch({
            visitTypeId,
            search,
            chosen: {
              startsAt: slot.startsAt,
              providerId: slot.provider.id,
              locationId: slot.location.id,
            },
          })
        }
      />
    </>
  );
}

interface ReviewStepProps {
  patientId: string;
  visitTypeId: string;
  search: TimeSearch;
  chosen: ChosenTime;
  reason: string;
  onReasonChange: (reason: string) => void;
  onTaken: () => void;
}

function ReviewStep({
  patientId,
  visitTypeId,
  search,
  chosen,
  reason,
  onReasonChange,
  onTaken,
}: ReviewStepProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const visitTypes = useVisitTypes();
  const { locations, slots } = useTimeSearch(visitTypeId, search);
  const book = $api.useMutation('post', '/api/v1/patients/{patientId}/appointments', {
    onSuccess: useAfterAppointmentChange(patientId),
  });
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const listSearch = stepSearch({ visitTypeId, search });

  if (!visitTypes.data || !locations.data || !slots.data) {
    return (
      <QueryPending
        query={allOf(visitTypes, locations, slots)}
        copy="appointments.picker"
        skeletons={[{ height: '10rem' }, { height: '8rem' }]}
      />
    );
  }

  const slot = slots.data.find(
    (candidate) =>
      Date.parse(candidate.startsAt) === Date.parse(chosen.startsAt) &&
      candidate.provider.id === chosen.providerId &&
      candidate.location.id === chosen.locationId,
  );
  const visitType = visitTypes.data.find((type) => type.id === visitTypeId);
  const location = locations.data.find((candidate) => candidate.id === chosen.locationId);
  if (!slot || !visitType || !location) {
    return (
      <Alert tone="warning" announce={false}>
        <p>{t('appointments.book.review.gone')}</p>
        <p>
          <Link to={{ search: listSearch }}>{t('appointments.book.changeTime')}</Link>
        </p>
      </Alert>
    );
  }

  const refuse = (items: ErrorSummaryItem[], reasonMessage?: string) => {
    setErrors(items);
    setReasonError(reasonMessage);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (book.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const length = [...reason].length;
    if (length > REASON_MAX) {
      const message = t('appointments.reason.tooLong', { max: REASON_MAX, count: length });
      refuse([{ message, targetId: IDS.reason }], message);
      return;
    }
    refuse([]);
    try {
      const booked = await book.mutateAsync({
        params: { path: { patientId } },
        body: {
          visitTypeId,
          providerId: slot.provider.id,
          locationId: slot.location.id,
          startsAt: slot.startsAt,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      });
      navigate(appointmentPath(booked.id), {
        replace: true,
        state: outcomeState({ kind: 'booked' }),
      });
    } catch (error) {
      if (isApiError(error) && error.code === 'slot_taken') {
        onTaken();
        return;
      }
      const items = problemItems(error, TARGETS) ?? [
        {
          message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
        },
      ];
      refuse(items, isApiError(error) ? error.fieldError('reason') : undefined);
    }
  };

  return (
    <>
      {errors.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={errors} focusKey={attempt} />
      ) : null}
      <p>{t('appointments.book.review.intro')}</p>
      {slot.canChangeOnline ? null : <CutoffNotice slot={slot} location={location} kind="review" />}
      <dl className="ui-details">
        <dt>{t('appointments.fields.when')}</dt>
        <dd>
          <time dateTime={slot.startsAt}>
            {formatDateTime(slot.startsAt, slot.location.timeZone, locale)}
          </time>
        </dd>
        <dt>{t('appointments.fields.visit')}</dt>
        <dd>
          {visitType.name} ({t('appointments.fields.minutes', { count: visitType.durationMinutes })}
          )
        </dd>
        <ProviderFact provider={slot.provider} />
        <PlaceFact location={location} />
      </dl>
      <ul className="ui-link-list">
        <li>
          <Link id={IDS.changeTime} to={{ search: listSearch }}>
            {t('appointments.book.changeTime')}
          </Link>
        </li>
        <li>
          <Link id={IDS.changeVisitType} to={{ search: '' }}>
            {t('appointments.book.changeVisitType')}
          </Link>
        </li>
      </ul>
      <form
        noValidate
        aria-label={t('appointments.book.review.title')}
        onSubmit={(event) => void submit(event)}
      >
        <TextAreaField
          id={IDS.reason}
          label={t('appointments.book.review.reasonLabel')}
          hint={t('appointments.book.review.reasonHint')}
          value={reason}
          onChange={onReasonChange}
          max={REASON_MAX}
          error={reasonError}
        />
        <Button type="submit" busy={book.isPending}>
          {book.isPending
            ? t('appointments.book.review.submitting')
            : t('appointments.book.review.submit')}
        </Button>
      </form>
    </>
  );
}
