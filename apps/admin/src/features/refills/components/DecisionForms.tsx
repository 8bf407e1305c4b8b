import { Button, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { DENIAL_REASONS, type DenialReason } from '../api/refills';

/** Sends a decision; resolves once it is made (or once a conflict has been explained). */
export type Send<B> = (body: B) => Promise<unknown>;

function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value.trim())) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

const APPROVE_FIELDS = ['quantity', 'refills'] as const;
type ApproveField = (typeof APPROVE_FIELDS)[number];

/** Approve, with quantity and refills prefilled from the medication's defaults. */
export function ApproveForm({
  defaults,
  onSend,
}: {
  defaults: { quantity: number; refills: number };
  onSend: Send<{ quantity: number; refills: number }>;
}) {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState(String(defaults.quantity));
  const [refills, setRefills] = useState(String(defaults.refills));
  const problems = useFormProblems(APPROVE_FIELDS, (field) => `refill-approve-${field}`);
  const form = useFormSubmit(problems, sameField(APPROVE_FIELDS));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<ApproveField, string>> = {};
        if (wholeNumber(quantity, 1, 1000) === undefined)
          hints.quantity = t('refills.approve.quantityError');
        if (wholeNumber(refills, 0, 99) === undefined)
          hints.refills = t('refills.approve.refillsError');
        return hints;
      },
      () => onSend({ quantity: Number(quantity), refills: Number(refills) }),
    );

  return (
    <section className="ui-card" aria-labelledby="refill-approve-heading">
      <h3 id="refill-approve-heading">{t('refills.approve.heading')}</h3>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-labelledby="refill-approve-heading"
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          id="refill-approve-quantity"
          name="quantity"
          label={t('refills.approve.quantity')}
          inputMode="numeric"
          value={quantity}
          error={problems.errors.quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
        <TextField
          id="refill-approve-refills"
          name="refills"
          label={t('refills.approve.refills')}
          hint={t('refills.approve.refillsHint')}
          inputMode="numeric"
          value={refills}
          error={problems.errors.refills}
          onChange={(event) => setRefills(event.target.value)}
        />
        <div className="ui-actions">
          <Button type="submit" busy={form.busy}>
            {form.busy ? t('sections.working') : t('refills.approve.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const DENY_FIELDS = ['reasonCode', 'reason'] as const;
type DenyField = (typeof DENY_FIELDS)[number];

/** Deny, with a reason from the list or in the reviewer's words. */
export function DenyForm({
  onSend,
}: {
  onSend: Send<{ reasonCode: DenialReason; reason: string | null }>;
}) {
  const { t } = useTranslation();
  const [reasonCode, setReasonCode] = useState<DenialReason | ''>('');
  const [reason, setReason] = useState('');
  const problems = useFormProblems(DENY_FIELDS, (field) => `refill-deny-${field}`);
  const form = useFormSubmit(problems, sameField(DENY_FIELDS));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<DenyField, string>> = {};
        if (!reasonCode) hints.reasonCode = t('refills.deny.reasonCodeError');
        if (reasonCode === 'other' && !reason.trim()) hints.reason = t('refills.deny.reasonError');
        return hints;
      },
      () => onSend({ reasonCode: reasonCode as DenialReason, reason: reason.trim() || null }),
    );

  return (
    <section className="ui-card" aria-labelledby="refill-deny-heading">
      <h3 id="refill-deny-heading">{t('refills.deny.heading')}</h3>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-labelledby="refill-deny-heading"
        onSubmit={(event) => void submit(event)}
      >
        <SelectField
          id="refill-deny-reasonCode"
          name="reasonCode"
          label={t('refills.deny.reasonCode')}
          value={reasonCode}
          error={problems.errors.reasonCode}
          onChange={(event) => setReasonCode(event.target.value as DenialReason | '')}
          options={[
            { value: '', label: t('refills.deny.choose') },
            ...DENIAL_REASONS.map((value) => ({
              value,
              label: t(`refills.denialReason.${value}`),
            })),
          ]}
        />
        <TextAreaField
          id="refill-deny-reason"
          name="reason"
          label={t('refills.deny.reason')}
          hint={t('refills.deny.reasonHint')}
          maxLength={1000}
          rows={3}
          value={reason}
          error={problems.errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="ui-actions">
          <Button type="submit" variant="secondary" busy={form.busy}>
            {form.busy ? t('sections.working') : t('refills.deny.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const VISIT_FIELDS = ['reason'] as const;

/** Ask the patient to book a visit first, with what the visit is for. */
export function NeedsAppointmentForm({ onSend }: { onSend: Send<{ reason: string | null }> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const problems = useFormProblems(VISIT_FIELDS, (field) => `refill-visit-${field}`);
  const form = useFormSubmit(problems, sameField(VISIT_FIELDS));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => ({}),
      () => onSend({ reason: reason.trim() || null }),
    );

  return (
    <section className="ui-card" aria-labelledby="refill-visit-heading">
      <h3 id="refill-visit-heading">{t('refills.visit.heading')}</h3>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-labelledby="refill-visit-heading"
        onSubmit={(event) => void submit(event)}
      >
        <TextAreaField
          id="refill-visit-reason"
          name="reason"
          label={t('refills.visit.reason')}
          hint={t('refills.visit.reasonHint')}
          maxLength={1000}
          rows={3}
          value={reason}
          error={problems.errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="ui-actions">
          <Button type="submit" variant="secondary" busy={form.busy}>
            {form.busy ? t('sections.working') : t('refills.visit.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
