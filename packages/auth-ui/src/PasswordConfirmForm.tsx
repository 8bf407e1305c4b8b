import { isApiError } from '@portal/api-client';
import { Alert, Button, TextField } from '@portal/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface PasswordConfirmFormProps {
  title: string;
  intro: string;
  submitLabel: string;
  /** Does the work; a refused password comes back as a field error on `password`. */
  onConfirm: (password: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * "Enter your password to confirm": guards changes to how the person signs in. Opens with
 * focus on its heading; a wrong password is reported on the field.
 */
export function PasswordConfirmForm({
  title,
  intro,
  submitLabel,
  onConfirm,
  onCancel,
}: PasswordConfirmFormProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldId = useId();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) {
      return;
    }
    if (!password) {
      setProblem(null);
      setFieldError(t('account.confirm.required'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setPending(true);
    setFieldError(undefined);
    setProblem(null);
    try {
      await onConfirm(password);
    } catch (error) {
      setPassword('');
      const onField = isApiError(error) ? error.fieldError('password') : undefined;
      if (onField) {
        setFieldError(onField);
        document.getElementById(fieldId)?.focus();
      } else if (isApiError(error) && error.status === 422) {
        setProblem(error.detail || t('common.errors.unexpected'));
      } else {
        setProblem(isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="ui-card confirm-panel" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <p>{intro}</p>
      <form noValidate aria-labelledby={`${fieldId}-title`} onSubmit={(e) => void submit(e)}>
        <TextField
          id={fieldId}
          name="password"
          type="password"
          label={t('account.confirm.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError}
        />
        <div className="ui-actions">
          <Button type="submit" busy={pending}>
            {pending ? t('common.saving') : submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
