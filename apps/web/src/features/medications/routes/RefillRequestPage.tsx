import '../medications.css';
import { Confirmation } from '@portal/auth-ui';
import { Alert, Button, deviceTimeZone, Dialog, formatDateTime } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { isNotFound, QueryState } from '../../../components/QueryState';
import { $api } from '../../../lib/api-queries';
import { useFormatLocale } from '../../../lib/i18n';
import { telHref } from '../../../lib/tel';
import {
  BOOK_APPOINTMENT_PATH,
  MY_MEDICATIONS_PATH,
  NEW_MESSAGE_PATH,
  refillRequestPath,
} from '../../../lib/navigation';
import {
  isOpen,
  REFILL_REQUEST,
  useAfterRefillChange,
  type RefillHistoryEntry,
  type RefillRequest,
} from '../api';
import { statusKey } from '../components/status';
import { readSent } from '../utils/sent-state';

const SKELETONS = [{ height: '8rem' }, { height: '12rem' }];

/**
 * /medications/refills/:refillRequestId — one request: its status in words, what happened
 * when (oldest first, with a denial's reason), the pharmacy and the medicine; what to do next
 * (book a visit when one is needed); cancelling while it is waiting, asked once.
 */
export const RefillRequestPage = patientPage('medications.request.title', RefillRequestRoute);

function RefillRequestRoute({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { refillRequestId = '' } = useParams();
  const location = useLocation();
  const sent = readSent(location.state);
  const [cancelled, setCancelled] = useState(false);
  const request = $api.useQuery('get', REFILL_REQUEST, {
    params: { path: { patientId, refillRequestId } },
  });
  return (
    <Page
      title={t('medications.request.title')}
      heading={
        isNotFound(request)
          ? t('medications.request.notFoundTitle')
          : request.data
            ? t('medications.request.heading', { name: request.data.medicationName })
            : t('medications.request.title')
      }
      autoFocus={sent || cancelled ? false : undefined}
    >
      <QueryState query={request} copy="medications.request" skeletons={SKELETONS} notFoundText>
        {(data) => (
          <>
            {cancelled && data.status === 'cancelled' ? (
              <Confirmation>
                <p>{t('medications.cancel.done')}</p>
              </Confirmation>
            ) : sent ? (
              <Confirmation>
                <p>{t('medications.request.sent', { count: sent.count })}</p>
                <p>{t('medications.request.sentNext')}</p>
                {sent.others.length > 0 ? (
                  <>
                    <p>{t('medications.request.otherRequests')}</p>
                    <ul>
                      {sent.others.map((id, index) => (
                        <li key={id}>
                          <Link className="medications-link" to={refillRequestPath(id)}>
                            {t('medications.seeRequest')} {index + 2}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </Confirmation>
            ) : null}
            <RequestDetails request={data} />
            {isOpen(data) ? (
              <CancelSection
                patientId={patientId}
                request={data}
                onCancelled={() => setCancelled(true)}
              />
            ) : null}
          </>
        )}
      </QueryState>
      <p>
        <Link className="medications-link" to={MY_MEDICATIONS_PATH}>
          {t('medications.request.back')}
        </Link>
      </p>
    </Page>
  );
}

function RequestDetails({ request }: { request: RefillRequest }) {
  const { t } = useTranslation();
  const { pharmacy } = request;
  return (
    <>
      <dl className="ui-details medications-section">
        <dt>{t('medications.fields.status')}</dt>
        <dd>{t(statusKey(request))}</dd>
        <dt>{t('medications.fields.medication')}</dt>
        <dd>{request.medicationName}</dd>
        <dt>{t('medications.fields.kind')}</dt>
        <dd>{t(`medications.kind.${request.kind}`)}</dd>
        {request.prescriber ? (
          <>
            <dt>{t('medications.fields.prescriber')}</dt>
            <dd>{request.prescriber}</dd>
          </>
        ) : null}
        <dt>{t('medications.fields.pharmacy')}</dt>
        <dd>
          {pharmacy.name}
          <br />
          {pharmacy.addressLine}, {pharmacy.city}, {pharmacy.region} {pharmacy.postalCode}
          <br />
          <a className="medications-link" href={telHref(pharmacy.phone)}>
            {pharmacy.phone}
          </a>
        </dd>
        {request.approvedQuantity !== null && request.approvedRefills !== null ? (
          <>
            <dt>{t('medications.fields.approved')}</dt>
            <dd>
              {t('medications.request.approvedAmount', {
                quantity: request.approvedQuantity,
                refills: request.approvedRefills,
              })}
            </dd>
          </>
        ) : null}
        {request.note ? (
          <>
            <dt>{t('medications.fields.note')}</dt>
            <dd className="records-text">{request.note}</dd>
          </>
        ) : null}
      </dl>
      <WhatNext request={request} />
      <section className="medications-section" aria-labelledby="refill-timeline">
        <h2 id="refill-timeline">{t('medications.request.timeline')}</h2>
        <ol className="medications-timeline" aria-label={t('medications.request.timelineLabel')}>
          {request.history.map((entry) => (
            <TimelineStep key={entry.id} entry={entry} request={request} />
          ))}
        </ol>
      </section>
    </>
  );
}

/** What the patient can do now, for a request that is decided. */
function WhatNext({ request }: { request: RefillRequest }) {
  const { t } = useTranslation();
  const denialReason = useDenialReason(request);
  if (request.status === 'needs_appointment') {
    return (
      <Alert tone="warning" announce={false}>
        <p>{t('medications.request.appointmentNext')}</p>
        <p>
          <Link className="ui-button ui-button--primary" to={BOOK_APPOINTMENT_PATH}>
            {t('medications.request.bookAppointment')}
          </Link>
        </p>
      </Alert>
    );
  }
  if (request.status === 'denied') {
    return (
      <Alert tone="info" announce={false}>
        <p>{denialReason}</p>
        <p>{t('medications.request.deniedNext')}</p>
        <p>
          <Link className="medications-link" to={NEW_MESSAGE_PATH}>
            {t('medications.request.messageCareTeam')}
          </Link>
        </p>
      </Alert>
    );
  }
  if (request.status === 'approved') {
    return (
      <Alert tone="success" announce={false}>
        <p>
          {request.sendStatus === 'waiting'
            ? t('medications.request.waitingToSend')
            : t('medications.request.sentToPharmacy')}
        </p>
      </Alert>
    );
  }
  return null;
}

/** A denial's reason in words: the reviewer's own, else the reason from the list. */
function useDenialReason(request: RefillRequest): string {
  const { t } = useTranslation();
  const reason =
    request.decisionReason ??
    (request.denialReasonCode ? t(`medications.denialReason.${request.denialReasonCode}`) : null);
  return reason ? t('medications.request.reason', { reason }) : t('medications.status.denied');
}

function TimelineStep({ entry, request }: { entry: RefillHistoryEntry; request: RefillRequest }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const what =
    entry.event === 'sent'
      ? t('medications.request.step.sent')
      : t(`medications.request.step.${entry.toStatus}`);
  const denial = entry.event === 'status' && entry.toStatus === 'denied';
  const denialReason = useDenialReason(request);
  return (
    <li>
      <h3>{what}</h3>
      <p>
        <time dateTime={entry.at}>{formatDateTime(entry.at, deviceTimeZone(), locale)}</time>
      </p>
      {entry.byKind === 'staff' && entry.byName ? (
        <p>{t('medications.request.byName', { name: entry.byName })}</p>
      ) : null}
      {denial ? (
        <p>
          {entry.reason ? t('medications.request.reason', { reason: entry.reason }) : denialReason}
        </p>
      ) : entry.reason ? (
        <p>{t('medications.request.note', { note: entry.reason })}</p>
      ) : null}
    </li>
  );
}

function CancelSection({
  patientId,
  request,
  onCancelled,
}: {
  patientId: string;
  request: RefillRequest;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const afterChange = useAfterRefillChange();
  const cancel = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}/cancel',
  );
  const [asking, setAsking] = useState(false);

  const confirm = async () => {
    try {
      await cancel.mutateAsync({
        params: { path: { patientId, refillRequestId: request.id } },
        body: { version: request.version },
      });
      await afterChange();
      setAsking(false);
      onCancelled();
    } catch {
      // Said inside the dialog.
    }
  };

  return (
    <section aria-labelledby="refill-cancel" className="medications-section">
      <h2 id="refill-cancel">{t('medications.cancel.heading')}</h2>
      <p>{t('medications.cancel.intro')}</p>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('medications.cancel.button')}
      </Button>
      <Dialog
        open={asking}
        role="alertdialog"
        title={t('medications.cancel.dialogTitle')}
        description={<p>{t('medications.cancel.dialogBody')}</p>}
        onEscape={() => setAsking(false)}
        actions={
          <>
            <Button variant="secondary" data-autofocus onClick={() => setAsking(false)}>
              {t('medications.cancel.keep')}
            </Button>
            <Button busy={cancel.isPending} onClick={() => void confirm()}>
              {cancel.isPending
                ? t('medications.cancel.cancelling')
                : t('medications.cancel.confirm')}
            </Button>
          </>
        }
      >
        {cancel.isError ? <Alert tone="error">{t('medications.cancel.failed')}</Alert> : null}
      </Dialog>
    </section>
  );
}
