import '../appointments.css';
import { Confirmation } from '@portal/auth-ui';
import { isApiError } from '@portal/api-client';
import {
  Alert,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  LinkList,
  TextField,
} from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { appointmentPath } from '../../../lib/navigation';
import { useQuery } from '@tanstack/react-query';
import { $api } from '../../../lib/api-queries';
import { appointmentQuery, useAfterAppointmentChange, type Appointment } from '../api';
import { AppointmentFacts } from '../components/AppointmentFacts';
import { CallToChange } from '../components/CallToChange';
import { isNotFound } from '../../../components/QueryState';
import { AppointmentState } from '../components/AppointmentState';
import { patientPage } from '../../../components/PatientOnly';
import { outcomeState } from '../utils/outcome';
import { problemItems } from '../../../lib/form-problems';

/** The API's limit on why an appointment is cancelled. */
export const CANCEL_REASON_MAX = 500;

const REASONS = ['better', 'time', 'elsewhere', 'mistake', 'other'] as const;
type ReasonChoice = (typeof REASONS)[number];

const IDS = {
  choice: (choice: ReasonChoice) => `cancel-reason-${choice}`,
  other: 'cancel-reason-other-text',
} as const;

type Stale = 'changed' | 'cutoff';

/**
 * /appointments/:appointmentId/cancel — which visit, why (a few plain choices or their own
 * words), and one clear button. Inside the cutoff the page says whom to call instead.
 */
export const CancelAppointmentPage = patientPage('appointments.cancel.title', Cancel);

function Cancel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const appointment = useQuery(appointmentQuery(patientId, appointmentId));
  const [stale, setStale] = useState<Stale | null>(null);
  const notFound = isNotFound(appointment);

  const onStale = (kind: Stale) => {
    setStale(kind);
    void appointment.refetch();
  };

  return (
    <Page
      title={t('appointments.cancel.title')}
      heading={notFound ? t('appointments.details.notFoundTitle') : undefined}
      autoFocus={stale ? false : undefined}
    >
      <AppointmentState query={appointment}>
        {(data) => (
          <CancelContent
            // A fresh form for each version: what the person chose stays only for the one they saw.
            key={`${data.version}`}
            patientId={patientId}
            appointment={data}
            stale={stale}
            onStale={onStale}
          />
        )}
      </AppointmentState>
    </Page>
  );
}

interface CancelContentProps {
  patientId: string;
  appointment: Appointment;
  stale: Stale | null;
  onStale: (kind: Stale) => void;
}

function CancelContent({ patientId, appointment, stale, onStale }: CancelContentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancel = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel',
    { onSuccess: useAfterAppointmentChange(patientId) },
  );
  const [choice, setChoice] = useState<ReasonChoice | null>(null);
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<{ choice?: string; other?: string }>({});
  const [attempt, setAttempt] = useState(0);

  const keep = (
    <LinkList>
      <Link to={appointmentPath(appointment.id)}>{t('appointments.cancel.keep')}</Link>
    </LinkList>
  );
  const summary = (
    <section className="ui-card" aria-label={t('appointments.details.heading')}>
      <AppointmentFacts appointment={appointment} />
    </section>
  );

  if (!appointment.canChangeOnline) {
    return (
      <>
        {summary}
        {appointment.status === 'booked' && Date.parse(appointment.startsAt) > Date.now() ? (
          <CallToChange appointment={appointment} announce takeFocus={stale !== null} />
        ) : (
          <Alert tone="info">{t('appointments.notChangeable')}</Alert>
        )}
        {keep}
      </>
    );
  }

  const show = (items: ErrorSummaryItem[], fields: { choice?: string; other?: string } = {}) => {
    setErrors(items);
    setFieldErrors(fields);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cancel.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    if (!choice) {
      const message = t('appointments.cancel.required');
      show([{ message, targetId: IDS.choice(REASONS[0]) }], { choice: message });
      return;
    }
    const reason = choice === 'other' ? other.trim() : t(`appointments.cancel.reasons.${choice}`);
    if (choice === 'other' && !reason) {
      const message = t('appointments.cancel.otherRequired');
      show([{ message, targetId: IDS.other }], { other: message });
      return;
    }
    if ([...reason].length > CANCEL_REASON_MAX) {
      const message = t('appointments.cancel.otherTooLong');
      show([{ message, targetId: IDS.other }], { other: message });
      return;
    }
    show([]);
    try {
      const cancelled = await cancel.mutateAsync({
        params: { path: { patientId, appointmentId: appointment.id } },
        body: { version: appointment.version, reason },
      });
      navigate(appointmentPath(cancelled.id), {
        replace: true,
        state: outcomeState({ kind: 'cancelled' }),
      });
    } catch (error) {
      if (isApiError(error) && error.code === 'appointment_changed') {
        onStale('changed');
        return;
      }
      if (isApiError(error) && error.code === 'inside_cutoff') {
        onStale('cutoff');
        return;
      }
      const target = choice === 'other' ? IDS.other : IDS.choice(choice);
      const items = problemItems(error, { reason: target }) ?? [
        { message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network') },
      ];
      const reasonError = isApiError(error) ? error.fieldError('reason') : undefined;
      show(items, choice === 'other' ? { other: reasonError } : { choice: reasonError });
    }
  };

  return (
    <>
      {stale === 'changed' ? (
        <Confirmation tone="warning">
          <p>{t('appointments.cancel.changed')}</p>
        </Confirmation>
      ) : null}
      {errors.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={errors} focusKey={attempt} />
      ) : null}
      <p>{t('appointments.cancel.intro')}</p>
      {summary}
      <form
        noValidate
        aria-label={t('appointments.cancel.formLabel')}
        onSubmit={(event) => void submit(event)}
      >
        <div className={fieldErrors.choice ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <fieldset
            className="appointments-fieldset"
            aria-describedby={
              fieldErrors.choice ? 'cancel-reason-hint cancel-reason-error' : 'cancel-reason-hint'
            }
          >
            <legend className="ui-field__label">{t('appointments.cancel.legend')}</legend>
            <p className="ui-field__hint" id="cancel-reason-hint">
              {t('appointments.cancel.hint')}
            </p>
            {fieldErrors.choice ? (
              <p className="ui-field__error" id="cancel-reason-error">
                {fieldErrors.choice}
              </p>
            ) : null}
            {REASONS.map((option) => (
              <div key={option} className="appointments-choice">
                <input
                  type="radio"
                  id={IDS.choice(option)}
                  name="cancelReason"
                  value={option}
                  checked={choice === option}
                  onChange={() => setChoice(option)}
                />
                <label htmlFor={IDS.choice(option)}>
                  {t(`appointments.cancel.reasons.${option}`)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        {choice === 'other' ? (
          <TextField
            id={IDS.other}
            name="otherReason"
            label={t('appointments.cancel.otherLabel')}
            hint={t('appointments.cancel.otherHint')}
            value={other}
            onChange={(event) => setOther(event.target.value)}
            error={fieldErrors.other}
            autoComplete="off"
          />
        ) : null}
        <p>{t('appointments.cancel.warning')}</p>
        <div className="ui-actions">
          <Button type="submit" busy={cancel.isPending}>
            {cancel.isPending
              ? t('appointments.cancel.submitting')
              : t('appointments.cancel.submit')}
          </Button>
        </div>
      </form>
      {keep}
    </>
  );
}
