import '../medications.css';
import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, formatNumber, TextField, type ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { allOf, QueryPending } from '../../../components/QueryState';
import { TextAreaField } from '../../../components/TextAreaField';
import { $api } from '../../../lib/api-queries';
import { problemItems } from '../../../lib/form-problems';
import { useFormatLocale } from '../../../lib/i18n';
import { MY_MEDICATIONS_PATH, refillRequestPath } from '../../../lib/navigation';
import {
  canRequest,
  MAX_MEDICATIONS_PER_REQUEST,
  MAX_NOTE_CHARACTERS,
  openRequestsByMedication,
  PHARMACY_RESULTS_LIMIT,
  useAfterRefillChange,
  useMedications,
  usePreferredPharmacy,
  useRecentRefillRequests,
  type Medication,
  type Pharmacy,
} from '../api';
import { medicationName } from '../components/status';
import { sentState } from '../utils/sent-state';

const IDS = {
  medication: (id: string) => `refill-medication-${id}`,
  medications: 'refill-medications',
  pharmacy: (id: string) => `refill-pharmacy-${id}`,
  pharmacies: 'refill-pharmacies',
  search: 'refill-pharmacy-search',
  note: 'refill-note',
} as const;

const SKELETONS = [{ height: '12rem' }, { height: '8rem' }];

type FieldErrors = Partial<Record<'medications' | 'pharmacy' | 'search' | 'note', string>>;

/**
 * /medications/refill?medication=<id>… — the medicines to refill (those chosen on the list
 * ticked), the pharmacy (the preferred one first; the clinic's directory searched by name,
 * city or ZIP), an optional note. A medicine without refills left is said to become a renewal
 * request before sending. Then the request's page confirms it.
 */
export const RequestRefillPage = patientPage('medications.new.title', RequestRefill);

function RequestRefill({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const medications = useMedications(patientId, 'active');
  const requests = useRecentRefillRequests(patientId);
  const preferred = usePreferredPharmacy(patientId);
  const ready = medications.data && requests.data && preferred.data;
  return (
    <Page title={t('medications.new.title')}>
      <p>{t('medications.new.intro')}</p>
      {ready ? (
        <RefillForm
          patientId={patientId}
          medications={medications.data.items.filter((medication) =>
            canRequest(medication, openRequestsByMedication(requests.data.items)),
          )}
          allMedications={medications.data.items}
          preferred={preferred.data.pharmacy}
        />
      ) : (
        <QueryPending
          query={allOf(medications, requests, preferred)}
          copy="medications.new"
          skeletons={SKELETONS}
        />
      )}
      <p>
        <Link className="medications-link" to={MY_MEDICATIONS_PATH}>
          {t('medications.request.back')}
        </Link>
      </p>
    </Page>
  );
}

function pharmacyText(pharmacy: Pharmacy): string {
  return `${pharmacy.name}, ${pharmacy.addressLine}, ${pharmacy.city}, ${pharmacy.region} ${pharmacy.postalCode}`;
}

/** The open request a 409 names (its id is in the problem's words). */
function openRequestOf(error: unknown): { requestId: string; index: number | null } | null {
  if (!isApiError(error) || error.code !== 'refill_already_requested') return null;
  const words = `${error.detail} ${error.fieldErrors.map((item) => item.message).join(' ')}`;
  const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(words)?.[0];
  if (!id) return null;
  const field = error.fieldErrors[0]?.field ?? '';
  const index = /^medicationIds\.(\d+)$/.exec(field)?.[1];
  return { requestId: id, index: index === undefined ? null : Number(index) };
}

function RefillForm({
  patientId,
  medications,
  allMedications,
  preferred,
}: {
  patientId: string;
  medications: Medication[];
  allMedications: Medication[];
  preferred: Pharmacy | null;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const afterChange = useAfterRefillChange();
  const [params] = useSearchParams();
  const create = $api.useMutation('post', '/api/v1/patients/{patientId}/refill-requests');
  const setPreferred = $api.useMutation('put', '/api/v1/patients/{patientId}/preferred-pharmacy');
  const [chosen, setChosen] = useState<string[]>(() => {
    const asked = new Set(params.getAll('medication'));
    return medications.filter((medication) => asked.has(medication.id)).map((m) => m.id);
  });
  const [pharmacy, setPharmacy] = useState<Pharmacy | null>(preferred);
  const [makePreferred, setMakePreferred] = useState(false);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [openRequest, setOpenRequest] = useState<{ id: string; name: string | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const results = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/pharmacies',
    { params: { path: { patientId }, query: { q: query, limit: PHARMACY_RESULTS_LIMIT } } },
    { enabled: query !== '' },
  );

  const selected = medications.filter((medication) => chosen.includes(medication.id));
  const renewals = selected.filter((medication) => medication.refillsRemaining === 0);
  const sending = create.isPending || setPreferred.isPending;
  // The preferred pharmacy and the results, each once.
  const choices = [
    ...(preferred ? [preferred] : []),
    ...(query !== '' ? (results.data?.items ?? []) : []).filter(
      (item) => item.id !== preferred?.id,
    ),
  ];
  if (pharmacy && !choices.some((item) => item.id === pharmacy.id)) choices.unshift(pharmacy);

  const toggle = (id: string) =>
    setChosen((list) => (list.includes(id) ? list.filter((item) => item !== id) : [...list, id]));

  const runSearch = () => {
    const words = search.trim();
    setFieldErrors((fields) => ({
      ...fields,
      search: words ? undefined : t('medications.new.searchRequired'),
    }));
    if (words) setQuery(words);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setAttempt((count) => count + 1);
    setOpenRequest(null);
    const items: ErrorSummaryItem[] = [];
    const fields: FieldErrors = {};
    const firstMedication = medications[0]?.id;
    if (selected.length === 0) {
      fields.medications = t('medications.new.medicationsRequired');
      items.push({
        message: fields.medications,
        targetId: firstMedication ? IDS.medication(firstMedication) : undefined,
      });
    } else if (selected.length > MAX_MEDICATIONS_PER_REQUEST) {
      fields.medications = t('medications.new.tooMany', { max: MAX_MEDICATIONS_PER_REQUEST });
      items.push({ message: fields.medications, targetId: IDS.medication(selected[0]!.id) });
    }
    if (!pharmacy) {
      fields.pharmacy = t('medications.new.pharmacyRequired');
      items.push({ message: fields.pharmacy, targetId: IDS.search });
    }
    const length = [...note].length;
    if (length > MAX_NOTE_CHARACTERS) {
      fields.note = t('medications.new.noteTooLong', {
        max: formatNumber(MAX_NOTE_CHARACTERS, locale),
        count: formatNumber(length, locale),
      });
      items.push({ message: fields.note, targetId: IDS.note });
    }
    setErrors(items);
    setFieldErrors(fields);
    if (items.length > 0 || !pharmacy) return;
    const medicationIds = selected.map((medication) => medication.id);
    try {
      if (makePreferred && pharmacy.id !== preferred?.id) {
        try {
          await setPreferred.mutateAsync({
            params: { path: { patientId } },
            body: { pharmacyId: pharmacy.id },
          });
        } catch (error) {
          setErrors(
            problemItems(error, { pharmacyId: IDS.pharmacy(pharmacy.id) }) ?? [
              { message: t('medications.new.preferredFailed') },
            ],
          );
          return;
        }
      }
      const created = await create.mutateAsync({
        params: { path: { patientId } },
        body: { medicationIds, pharmacyId: pharmacy.id, note: note.trim() ? note : null },
      });
      await afterChange();
      const [first, ...others] = created.items;
      if (!first) return;
      navigate(refillRequestPath(first.id), {
        replace: true,
        flushSync: true,
        state: sentState({ count: created.items.length, others: others.map((item) => item.id) }),
      });
    } catch (error) {
      const open = openRequestOf(error);
      const targets: Record<string, string> = { pharmacyId: IDS.search, note: IDS.note };
      medicationIds.forEach((id, index) => {
        targets[`medicationIds.${index}`] = IDS.medication(id);
      });
      if (open) {
        const medication = open.index === null ? undefined : selected[open.index];
        const name = medication ? medicationName(medication) : null;
        setOpenRequest({ id: open.requestId, name });
        setErrors([
          {
            message: name
              ? t('medications.new.alreadyRequested', { name })
              : t('medications.new.alreadyRequestedUnknown'),
            targetId: medication ? IDS.medication(medication.id) : undefined,
          },
        ]);
        return;
      }
      setErrors(
        problemItems(error, targets) ?? [
          {
            message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
          },
        ],
      );
      if (isApiError(error)) {
        setFieldErrors({
          pharmacy: error.fieldError('pharmacyId'),
          note: error.fieldError('note'),
          medications: error.fieldErrors.find((item) => item.field.startsWith('medicationIds'))
            ?.message,
        });
      }
    }
  };

  const unavailable = allMedications.length > medications.length;

  return (
    <>
      {errors.length > 0 ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={errors}
          focusKey={attempt}
          description={
            openRequest ? (
              <p>
                <Link className="medications-link" to={refillRequestPath(openRequest.id)}>
                  {openRequest.name
                    ? t('medications.new.seeOpenRequest', { name: openRequest.name })
                    : t('medications.seeRequest')}
                </Link>
              </p>
            ) : undefined
          }
        />
      ) : null}
      <form
        noValidate
        aria-label={t('medications.new.formLabel')}
        onSubmit={(event) => void submit(event)}
      >
        <div className={fieldErrors.medications ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <fieldset
            className="medications-fieldset"
            aria-describedby={[
              'refill-medications-hint',
              fieldErrors.medications ? 'refill-medications-error' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <legend className="ui-field__label">{t('medications.new.medicationsLegend')}</legend>
            <p className="ui-field__hint" id="refill-medications-hint">
              {t('medications.new.medicationsHint')}
            </p>
            {fieldErrors.medications ? (
              <p className="ui-field__error" id="refill-medications-error">
                {fieldErrors.medications}
              </p>
            ) : null}
            {medications.length === 0 ? <p>{t('medications.new.noneAvailable')}</p> : null}
            {medications.map((medication) => {
              const id = IDS.medication(medication.id);
              const renewal = medication.refillsRemaining === 0;
              return (
                <div key={medication.id} className="medications-choice">
                  <input
                    type="checkbox"
                    id={id}
                    name="medication"
                    value={medication.id}
                    checked={chosen.includes(medication.id)}
                    onChange={() => toggle(medication.id)}
                    aria-describedby={renewal ? `${id}-hint` : undefined}
                  />
                  <label htmlFor={id}>
                    {[medicationName(medication), medication.dose].filter(Boolean).join(', ')}
                  </label>
                  {renewal ? (
                    <p className="medications-choice__hint" id={`${id}-hint`}>
                      {medication.prescriber
                        ? t('medications.new.renewalHint', { prescriber: medication.prescriber })
                        : t('medications.new.renewalHintNoPrescriber')}
                    </p>
                  ) : null}
                </div>
              );
            })}
            {unavailable ? <p>{t('medications.new.notListed')}</p> : null}
          </fieldset>
        </div>

        <div className={fieldErrors.pharmacy ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <fieldset
            className="medications-fieldset"
            aria-describedby={fieldErrors.pharmacy ? 'refill-pharmacy-error' : undefined}
          >
            <legend className="ui-field__label">{t('medications.new.pharmacyLegend')}</legend>
            {fieldErrors.pharmacy ? (
              <p className="ui-field__error" id="refill-pharmacy-error">
                {fieldErrors.pharmacy}
              </p>
            ) : null}
            <div>
              {choices.map((item) => {
                const id = IDS.pharmacy(item.id);
                return (
                  <div key={item.id} className="medications-choice">
                    <input
                      type="radio"
                      id={id}
                      name="pharmacy"
                      value={item.id}
                      checked={pharmacy?.id === item.id}
                      onChange={() => setPharmacy(item)}
                    />
                    <label htmlFor={id}>
                      {item.id === preferred?.id
                        ? t('medications.new.preferred', { name: pharmacyText(item) })
                        : pharmacyText(item)}
                    </label>
                  </div>
                );
              })}
            </div>
            <div className="medications-search">
              <TextField
                id={IDS.search}
                name="pharmacySearch"
                type="search"
                label={t('medications.new.searchLabel')}
                hint={t('medications.new.searchHint')}
                value={search}
                error={fieldErrors.search}
                autoComplete="off"
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    runSearch();
                  }
                }}
              />
              <Button
                variant="secondary"
                busy={query !== '' && results.isFetching}
                onClick={runSearch}
              >
                {query !== '' && results.isFetching
                  ? t('medications.new.searching')
                  : t('medications.new.search')}
              </Button>
            </div>
            <div role="status" aria-live="polite">
              {query !== '' && results.data ? (
                <p>
                  {results.data.items.length === 0
                    ? t('medications.new.noResults', { query })
                    : t('medications.new.results', { count: results.data.items.length, query })}
                  {results.data.nextCursor
                    ? ` ${t('medications.new.moreResults', { count: results.data.items.length })}`
                    : null}
                </p>
              ) : null}
              {query !== '' && results.isError ? <p>{t('medications.new.searchFailed')}</p> : null}
            </div>
            {pharmacy && pharmacy.id !== preferred?.id ? (
              <div className="medications-choice">
                <input
                  type="checkbox"
                  id="refill-make-preferred"
                  checked={makePreferred}
                  onChange={(event) => setMakePreferred(event.target.checked)}
                  aria-describedby="refill-make-preferred-hint"
                />
                <label htmlFor="refill-make-preferred">{t('medications.new.makePreferred')}</label>
                <p className="medications-choice__hint" id="refill-make-preferred-hint">
                  {t('medications.new.makePreferredHint')}
                </p>
              </div>
            ) : null}
          </fieldset>
        </div>

        <TextAreaField
          id={IDS.note}
          label={t('medications.new.noteLabel')}
          hint={t('medications.new.noteHint')}
          value={note}
          onChange={setNote}
          max={MAX_NOTE_CHARACTERS}
          error={fieldErrors.note}
          rows={4}
        />

        <section className="ui-card medications-section" aria-labelledby="refill-before-sending">
          <h2 id="refill-before-sending">{t('medications.new.beforeSending')}</h2>
          <div aria-live="polite">
            {renewals.map((medication) => (
              <p key={medication.id}>
                {medication.prescriber
                  ? t('medications.new.renewalNotice', {
                      name: medicationName(medication),
                      prescriber: medication.prescriber,
                    })
                  : t('medications.new.renewalNoticeNoPrescriber', {
                      name: medicationName(medication),
                    })}
              </p>
            ))}
          </div>
          <p>{t('medications.new.whatNext')}</p>
        </section>
        <div className="ui-actions">
          <Button type="submit" busy={sending}>
            {sending ? t('medications.new.submitting') : t('medications.new.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
