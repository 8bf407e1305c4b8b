import { isApiError } from '@portal/api-client';
import { Alert, Button } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import { QueryView } from '../../../components/QueryView';
import '../../../components/sections.css';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { $api } from '../../../lib/api';
import { patientPath, REFILLS_PATH } from '../../../lib/paths';
import { isOpen, REQUEST, useRefillChange, type RefillRequest } from '../api/refills';
import { ApproveForm, DenyForm, NeedsAppointmentForm } from '../components/DecisionForms';
import { RefillHistory } from '../components/RefillHistory';
import { RefillStatusBadge } from '../components/RefillWords';
import { DEFAULT_QUANTITY, defaultRefills } from '../utils/defaults';
import '../refills.css';

function isConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'refill_state_conflict';
}

function MedicationFacts({ request }: { request: RefillRequest }) {
  const { t } = useTranslation();
  const medication = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/medications/{medicationId}',
    {
      params: { path: { patientId: request.patientId, medicationId: request.medicationId } },
    },
  );
  return (
    <section aria-labelledby="refill-medication-heading">
      <h2 id="refill-medication-heading">{t('refills.request.medication')}</h2>
      <QueryView query={medication} loadingLabel={t('refills.request.loadingMedication')}>
        {(facts) => (
          <dl className="refills-facts">
            <dt>{t('refills.facts.name')}</dt>
            <dd>{facts.display}</dd>
            <dt>{t('refills.facts.dose')}</dt>
            <dd>
              {[facts.dose, facts.route, facts.frequency].filter(Boolean).join(', ') ||
                t('refills.facts.notRecorded')}
            </dd>
            <dt>{t('refills.facts.instructions')}</dt>
            <dd>{facts.instructions ?? t('refills.facts.notRecorded')}</dd>
            <dt>{t('refills.facts.refillsRemaining')}</dt>
            <dd>{facts.refillsRemaining ?? t('refills.facts.notRecorded')}</dd>
            <dt>{t('refills.facts.lastFilled')}</dt>
            <dd>{facts.lastFilledOn ?? t('refills.facts.notRecorded')}</dd>
            <dt>{t('refills.facts.started')}</dt>
            <dd>{facts.startDate}</dd>
          </dl>
        )}
      </QueryView>
    </section>
  );
}

/** The patient's name and MRN, linked to the chart. */
function PatientName({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = $api.useQuery('get', '/api/v1/patients/{patientId}', {
    params: { path: { patientId } },
  });
  return (
    <Link to={patientPath(patientId)}>
      {patient.data
        ? t('refills.request.patientName', {
            name: `${patient.data.givenName} ${patient.data.familyName}`,
            mrn: patient.data.mrn,
          })
        : t('refills.request.chart')}
    </Link>
  );
}

function SendState({ request }: { request: RefillRequest }) {
  const { t } = useTranslation();
  if (request.status !== 'approved') return null;
  if (request.sendStatus === 'waiting') {
    return (
      <Alert tone="info" title={t('refills.send.waitingTitle')}>
        {t('refills.send.waiting')}
      </Alert>
    );
  }
  if (request.sendStatus === 'sent' && request.sentAt) {
    return (
      <Alert tone="success" title={t('refills.send.sentTitle')}>
        {t('refills.send.sent')} <Time value={request.sentAt} />
      </Alert>
    );
  }
  return null;
}

function Decisions({
  request,
  onDone,
  onConflict,
}: {
  request: RefillRequest;
  onDone: (message: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const change = useRefillChange();
  const path = { params: { path: { refillRequestId: request.id } } };
  const review = $api.useMutation(
    'post',
    '/api/v1/refill-requests/{refillRequestId}/review',
    change,
  );
  const approve = $api.useMutation(
    'post',
    '/api/v1/refill-requests/{refillRequestId}/approve',
    change,
  );
  const deny = $api.useMutation('post', '/api/v1/refill-requests/{refillRequestId}/deny', change);
  const visit = $api.useMutation(
    'post',
    '/api/v1/refill-requests/{refillRequestId}/needs-appointment',
    change,
  );
  const medication = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/medications/{medicationId}',
    {
      params: { path: { patientId: request.patientId, medicationId: request.medicationId } },
    },
  );
  const version = request.version;
  // Someone else decided first: said in words above, with the state it is in now (the request
  // is read again when any decision settles).
  const settle = (sent: Promise<unknown>, done: string) =>
    sent.then(
      () => onDone(done),
      (error: unknown) => {
        if (isConflict(error)) {
          onConflict();
          return;
        }
        throw error;
      },
    );

  return (
    <section aria-labelledby="refill-decide-heading">
      <h2 id="refill-decide-heading">{t('refills.request.decide')}</h2>
      {request.status === 'requested' ? (
        <div className="ui-actions">
          <Button
            variant="secondary"
            busy={review.isPending}
            onClick={() =>
              review.mutate(
                { ...path, body: { version } },
                {
                  onSuccess: () => onDone(t('refills.done.review')),
                  onError: (error) => {
                    if (isConflict(error)) onConflict();
                  },
                },
              )
            }
          >
            {t('refills.request.startReview')}
          </Button>
        </div>
      ) : null}
      {review.isError && !isConflict(review.error) ? <ApiErrorAlert error={review.error} /> : null}
      <div className="refills-actions">
        {medication.isPending ? null : (
          <ApproveForm
            defaults={{
              quantity: DEFAULT_QUANTITY,
              refills: defaultRefills(request.kind, medication.data?.refillsRemaining),
            }}
            onSend={(body) =>
              settle(
                approve.mutateAsync({ ...path, body: { ...body, version } }),
                t('refills.done.approve'),
              )
            }
          />
        )}
        <DenyForm
          onSend={(body) =>
            settle(
              deny.mutateAsync({ ...path, body: { ...body, version } }),
              t('refills.done.deny'),
            )
          }
        />
        <NeedsAppointmentForm
          onSend={(body) =>
            settle(
              visit.mutateAsync({ ...path, body: { ...body, version } }),
              t('refills.done.visit'),
            )
          }
        />
      </div>
    </section>
  );
}

/**
 * One refill request: what was asked, the medication's facts, the timeline (who moved it, when,
 * why, and the pharmacy sends) and the decisions its state allows. A decision someone else
 * made first is said in words, with the state the request is in now.
 */
export function RefillRequestPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const canDecide = useCanUse('refillsDecide');
  const request = $api.useQuery('get', REQUEST, {
    params: { path: { refillRequestId: requestId } },
  });
  const [message, setMessage] = useState<{ text: string; key: number; conflict: boolean } | null>(
    null,
  );
  const say = (text: string, conflict = false) =>
    setMessage((previous) => ({ text, conflict, key: (previous?.key ?? 0) + 1 }));

  return (
    <Page title={t('refills.request.title')}>
      <p>
        <Link to={REFILLS_PATH}>{t('refills.request.back')}</Link>
      </p>
      <QueryView query={request} loadingLabel={t('refills.request.loading')}>
        {(data) => (
          <>
            {message ? (
              <ActionMessage
                tone={message.conflict ? 'warning' : 'success'}
                title={message.conflict ? t('refills.conflict.title') : undefined}
                focusKey={message.key}
              >
                {message.conflict
                  ? t('refills.conflict.body', { status: t(`refills.status.${data.status}`) })
                  : message.text}
              </ActionMessage>
            ) : null}
            <section aria-labelledby="refill-summary-heading">
              <h2 id="refill-summary-heading">{data.medicationName}</h2>
              <dl className="refills-facts">
                <dt>{t('refills.queue.status')}</dt>
                <dd>
                  <RefillStatusBadge status={data.status} />
                </dd>
                <dt>{t('refills.queue.kind')}</dt>
                <dd>{t(`refills.kind.${data.kind}`)}</dd>
                <dt>{t('refills.queue.patient')}</dt>
                <dd>
                  <PatientName patientId={data.patientId} />
                </dd>
                <dt>{t('refills.queue.requested')}</dt>
                <dd>
                  <Time value={data.requestedAt} />
                </dd>
                <dt>{t('refills.queue.prescriber')}</dt>
                <dd>{data.prescriber ?? t('refills.queue.noPrescriber')}</dd>
                <dt>{t('refills.queue.pharmacy')}</dt>
                <dd>
                  {data.pharmacy.name}, {data.pharmacy.addressLine}, {data.pharmacy.city} (
                  {data.pharmacy.phone})
                </dd>
                <dt>{t('refills.request.note')}</dt>
                <dd>{data.note ?? t('refills.request.noNote')}</dd>
                {data.approvedQuantity !== null ? (
                  <>
                    <dt>{t('refills.request.approved')}</dt>
                    <dd>
                      {t('refills.request.approvedAs', {
                        quantity: data.approvedQuantity,
                        refills: data.approvedRefills ?? 0,
                      })}
                    </dd>
                  </>
                ) : null}
                {data.denialReasonCode ? (
                  <>
                    <dt>{t('refills.request.denialReason')}</dt>
                    <dd>
                      {t(`refills.denialReason.${data.denialReasonCode}`)}
                      {data.decisionReason ? `: ${data.decisionReason}` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              <SendState request={data} />
            </section>
            <MedicationFacts request={data} />
            {canDecide && isOpen(data.status) ? (
              <Decisions
                key={data.version}
                request={data}
                onDone={(text) => say(text)}
                onConflict={() => say('', true)}
              />
            ) : null}
            <section aria-labelledby="refill-history-heading">
              <h2 id="refill-history-heading">{t('refills.request.history')}</h2>
              <RefillHistory history={data.history} />
            </section>
          </>
        )}
      </QueryView>
    </Page>
  );
}
