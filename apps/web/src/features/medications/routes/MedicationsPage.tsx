import '../medications.css';
import { formatDate, deviceTimeZone, Alert, Button } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { allOf, QueryPending, QueryState } from '../../../components/QueryState';
import { $api } from '../../../lib/api-queries';
import { useFormatLocale } from '../../../lib/i18n';
import { telHref } from '../../../lib/tel';
import { refillRequestPath, requestRefillPath } from '../../../lib/navigation';
import {
  canRequest,
  openRequestsByMedication,
  useMedications,
  useRecentRefillRequests,
  type Medication,
  type RefillRequest,
} from '../api';
import { MedicationCard } from '../components/MedicationCard';
import { medicationName, statusKey } from '../components/status';

const SKELETONS = [{ height: '9rem' }, { height: '9rem' }];

/**
 * /medications — the medicines taken now, each with "Request a refill" when it can be asked
 * for online (not controlled, no request open: that one shows its status instead); the
 * refill requests, newest first, with their status in words; past medicines on request.
 */
export const MedicationsPage = patientPage('medications.title', Medications);

function Medications({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const current = useMedications(patientId, 'active');
  const requests = useRecentRefillRequests(patientId);
  return (
    <Page title={t('medications.title')}>
      <p>{t('medications.intro')}</p>
      {current.data && requests.data ? (
        <Content medications={current.data.items} requests={requests.data.items} />
      ) : (
        <QueryPending query={allOf(current, requests)} copy="medications" skeletons={SKELETONS} />
      )}
      <PastMedications patientId={patientId} />
    </Page>
  );
}

function Content({
  medications,
  requests,
}: {
  medications: Medication[];
  requests: RefillRequest[];
}) {
  const { t } = useTranslation();
  const open = openRequestsByMedication(requests);
  const requestable = medications.filter((medication) => canRequest(medication, open));
  return (
    <>
      {requestable.length > 1 ? (
        <p>
          <Link
            className="ui-button ui-button--primary"
            to={requestRefillPath(requestable.map((medication) => medication.id))}
          >
            {t('medications.requestRefills')}
          </Link>
        </p>
      ) : null}
      <section className="medications-section" aria-labelledby="medications-current">
        <h2 id="medications-current">{t('medications.current.heading')}</h2>
        {medications.length === 0 ? (
          <Alert tone="info" announce={false}>
            <p>{t('medications.current.empty')}</p>
          </Alert>
        ) : (
          <ul className="ui-stack" aria-label={t('medications.current.label')}>
            {medications.map((medication) => (
              <MedicationCard
                key={medication.id}
                medication={medication}
                headingId={`medication-${medication.id}`}
              >
                <RefillAction medication={medication} open={open.get(medication.id)} />
              </MedicationCard>
            ))}
          </ul>
        )}
      </section>
      <RequestList requests={requests} />
    </>
  );
}

/** What the patient can do about a medicine's refills. */
function RefillAction({ medication, open }: { medication: Medication; open?: RefillRequest }) {
  const { t } = useTranslation();
  const name = medicationName(medication);
  if (medication.controlled) {
    return <ControlledNote />;
  }
  if (open) {
    return (
      <p className="medications-note">
        {t('medications.openRequest', { status: t(statusKey(open)) })}{' '}
        <Link className="medications-link" to={refillRequestPath(open.id)}>
          {t('medications.seeRequest')}
        </Link>
      </p>
    );
  }
  return (
    <>
      {medication.refillsRemaining === 0 ? (
        <p className="medications-note">{t('medications.noRefillsLeft')}</p>
      ) : null}
      <p>
        <Link
          className="ui-button ui-button--secondary"
          to={requestRefillPath([medication.id])}
          aria-label={t('medications.requestOne', { name })}
        >
          {t('medications.requestRefills')}
        </Link>
      </p>
    </>
  );
}

/** A controlled medicine is never asked for online: the clinic's number to call instead. */
function ControlledNote() {
  const { t } = useTranslation();
  // The header's read of the clinic, shared (kept for the visit).
  const clinic = $api.useQuery('get', '/api/v1/clinic', {}, { staleTime: Infinity });
  const phone = clinic.data?.phone;
  return (
    <p className="medications-note">
      {t('medications.controlled')}
      {phone ? (
        <>
          {' '}
          <a className="medications-link" href={telHref(phone)}>
            {t('medications.callClinic', { phone })}
          </a>
        </>
      ) : null}
    </p>
  );
}

function RequestList({ requests }: { requests: RefillRequest[] }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <section className="medications-section" aria-labelledby="medications-requests">
      <h2 id="medications-requests">{t('medications.requests.heading')}</h2>
      {requests.length === 0 ? (
        <p>{t('medications.requests.empty')}</p>
      ) : (
        <ul className="ui-stack" aria-label={t('medications.requests.label')}>
          {requests.map((request) => (
            <li key={request.id} className="ui-card">
              <h3 className="medications-card__title">
                <Link to={refillRequestPath(request.id)}>{request.medicationName}</Link>
              </h3>
              <p>{t('medications.requests.statusLine', { status: t(statusKey(request)) })}</p>
              <p>
                {t('medications.requests.askedOn', {
                  date: formatDate(request.requestedAt, deviceTimeZone(), locale),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Stopped medicines, read only once asked for. */
function PastMedications({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const past = useMedications(patientId, 'stopped', shown);
  return (
    <section className="medications-section" aria-labelledby="medications-past">
      <h2 id="medications-past">{t('medications.past.heading')}</h2>
      <Button
        variant="secondary"
        aria-expanded={shown}
        aria-controls="medications-past-list"
        onClick={() => setShown((value) => !value)}
      >
        {shown ? t('medications.past.hide') : t('medications.past.show')}
      </Button>
      <div id="medications-past-list">
        {shown ? (
          <QueryState
            query={past}
            copy="medications"
            loadingLabel={t('medications.past.loading')}
            skeletons={SKELETONS}
          >
            {(data) =>
              data.items.length === 0 ? (
                <p>{t('medications.past.empty')}</p>
              ) : (
                <ul className="ui-stack" aria-label={t('medications.past.label')}>
                  {data.items.map((medication) => (
                    <MedicationCard
                      key={medication.id}
                      medication={medication}
                      headingId={`medication-${medication.id}`}
                    >
                      <p className="medications-note">{t('medications.past.stopped')}</p>
                    </MedicationCard>
                  ))}
                </ul>
              )
            }
          </QueryState>
        ) : null}
      </div>
    </section>
  );
}
