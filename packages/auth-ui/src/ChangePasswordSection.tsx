import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, TextField, type ErrorSummaryItem } from '@portal/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from './NewPasswordFields';
import { useChangePassword } from './api/change-password';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';

const IDS = {
  current: 'change-password-current',
  password: 'change-password-new',
  confirm: 'change-password-confirm',
} as const;

interface Errors extends NewPasswordErrors {
  current?: string;
}

export function ChangePasswordSection({ changedAt }: { changedAt: string }) {
  const { t } = useTranslation();
  const formatDate = useAuthUi().useFormatDate();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (returnFocus) {
      openerRef.current?.focus();
    }
  }, [returnFocus]);

  return (
    <section className="ui-card" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      {done ? (
        <Confirmation title={t('account.password.doneTitle')}>
          <p>{t('account.password.done')}</p>
        </Confirmation>
      ) : null}
      <p>
        {t('account.password.changedAt', {
          date: formatDate(changedAt),
        })}
      </p>
      {open ? (
        <ChangePasswordForm
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
          onCancel={() => {
            setOpen(false);
            setReturnFocus(true);
          }}
        />
      ) : (
        <Button
          ref={openerRef}
          variant="secondary"
          onClick={() => {
            setDone(false);
            setReturnFocus(false);
            setOpen(true);
          }}
        >
          {t('account.password.open')}
        </Button>
      )}
    </section>
  );
}

function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useAuthUi().useCurrentUser();
  const change = useChangePassword();
  const currentRef = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    currentRef.current?.focus();
  }, []);

  const show = (fields: Errors, extra: ErrorSummaryItem[] = []) => {
    setErrors(fields);
    setSummary([
      ...(fields.current ? [{ message: fields.current, targetId: IDS.current }] : []),
      ...(fields.password ? [{ message: fields.password, targetId: IDS.password }] : []),
      ...(fields.confirm ? [{ message: fields.confirm, targetId: IDS.confirm }] : []),
      ...extra,
    ]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const problems: Errors = checkNewPassword(t, password, confirm);
    if (!current) {
      problems.current = t('account.password.currentRequired');
    }
    if (problems.current || problems.password || problems.confirm) {
      show(problems);
      return;
    }
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: password });
      onDone();
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const currentError = error.fieldError('currentPassword');
        const newError = error.fieldError('newPassword');
        if (currentError) {
          setCurrent('');
        }
        show(
          { current: currentError, password: newError },
          currentError || newError ? [] : error.fieldErrors.map(({ message }) => ({ message })),
        );
        return;
      }
      show({}, [
        {
          message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
        },
      ]);
    }
  };

  return (
    <>
      {summary ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={summary} focusKey={attempt} />
      ) : null}
      <form
        noValidate
        aria-label={t('account.password.formLabel')}
        onSubmit={(e) => void submit(e)}
      >
        <TextField
          ref={currentRef}
          id={IDS.current}
          name="current-password"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.current}
        />
        <NewPasswordFields
          ids={IDS}
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={errors}
          username={user.username}
          personal={[user.displayName]}
        />
        <p>{t('account.password.endsOthers')}</p>
        <div className="ui-actions">
          <Button type="submit" busy={change.isPending}>
            {change.isPending ? t('common.saving') : t('account.password.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
