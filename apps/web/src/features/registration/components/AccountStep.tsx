import { isApiError } from '@portal/api-client';
import { checkNewPassword, NewPasswordFields } from '@portal/auth-ui';
import {
  Button,
  deviceTimeZone,
  ErrorSummary,
  type ErrorSummaryItem,
  formatTime,
  TextField,
} from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api-queries';
import type { IdentityVerified } from '../api';
import { needsNewTicket, stopReason, type StopReason } from '../utils/registration-errors';
import {
  checkUsername,
  suggestUsername,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from '../utils/username';
import { StepPage } from './StepPage';

const IDS = {
  username: 'register-username',
  password: 'register-password',
  confirm: 'register-password-confirm',
} as const;

type Field = keyof typeof IDS;
type FieldErrors = Partial<Record<Field, string>>;

function isField(name: string): name is Field {
  return name in IDS;
}

export interface AccountStepProps {
  verified: IdentityVerified;
  /** Kept by the page, so it survives going back to step 1 when the check runs out. */
  username: string;
  onUsernameChange: (username: string) => void;
  onCompleted: (username: string) => void;
  /** The identity check ran out (30 minutes) or is unknown: prove identity again. */
  onRestart: () => void;
  onStopped: (reason: StopReason) => void;
}

/**
 * Step 2: choose a username (rules shown before typing) and a password (typed twice, with a
 * strength meter that explains itself). Mistakes are caught here where possible; the server
 * has the last word, and what it refuses is shown by the field it is about.
 */
export function AccountStep({
  verified,
  username,
  onUsernameChange,
  onCompleted,
  onRestart,
  onStopped,
}: AccountStepProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const complete = $api.useMutation('post', '/api/v1/registration/complete');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const show = (fields: FieldErrors, message: string | null = null) => {
    setErrors(fields);
    setFailure(message);
  };

  const checkLocally = (name: string): FieldErrors => {
    const fields: FieldErrors = {};
    const usernameProblem = checkUsername(name);
    if (usernameProblem) {
      fields.username = t(`registration.account.errors.username.${usernameProblem}`, {
        min: USERNAME_MIN_LENGTH,
        max: USERNAME_MAX_LENGTH,
      });
    }
    const passwordProblems = checkNewPassword(t, password, confirm);
    if (passwordProblems.password) fields.password = passwordProblems.password;
    if (passwordProblems.confirm) fields.confirm = passwordProblems.confirm;
    return fields;
  };

  const handleRefusal = (error: unknown, name: string) => {
    const reason = stopReason(error);
    if (reason) {
      onStopped(reason);
      return;
    }
    if (needsNewTicket(error)) {
      onRestart();
      return;
    }
    if (!isApiError(error)) {
      show({}, t('common.errors.network'));
      return;
    }
    if (error.code === 'username_taken') {
      const next = suggestUsername(name);
      setSuggestion(next);
      show({ username: t('registration.account.errors.usernameTaken', { suggestion: next }) });
      return;
    }
    const fields: FieldErrors = {};
    const others: string[] = [];
    for (const { field, message } of error.fieldErrors) {
      if (isField(field)) {
        fields[field] ??= message;
      } else {
        others.push(message);
      }
    }
    if (Object.keys(fields).length > 0 || others.length > 0) {
      show(fields, others.length > 0 ? others.join(' ') : null);
      return;
    }
    show({}, error.status >= 500 || !error.detail ? t('common.errors.unexpected') : error.detail);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (complete.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    setSuggestion(null);
    const name = username.trim();
    const problems = checkLocally(name);
    if (Object.keys(problems).length > 0) {
      show(problems);
      return;
    }
    show({});
    try {
      const done = await complete.mutateAsync({
        body: { ticket: verified.ticket, username: name, password },
      });
      onCompleted(done.username);
    } catch (error) {
      handleRefusal(error, name);
    }
  };

  const takeSuggestion = () => {
    if (!suggestion) {
      return;
    }
    onUsernameChange(suggestion);
    setSuggestion(null);
    setErrors(({ username: _taken, ...rest }) => rest);
    document.getElementById(IDS.username)?.focus();
  };

  const items: ErrorSummaryItem[] = (Object.keys(IDS) as Field[])
    .filter((field) => errors[field])
    .map((field) => ({ message: errors[field] ?? '', targetId: IDS[field] }));
  if (failure) {
    items.push({ message: failure });
  }
  const deadline = formatTime(verified.expiresAt, deviceTimeZone(), locale);

  return (
    <StepPage step={2} title={t('registration.account.title')}>
      {items.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={items} focusKey={attempt} />
      ) : null}
      <p>{t('registration.account.intro')}</p>
      <p>{t('registration.account.deadline', { time: deadline })}</p>
      <form
        noValidate
        aria-label={t('registration.account.title')}
        onSubmit={(e) => void submit(e)}
      >
        <TextField
          id={IDS.username}
          name="username"
          label={t('registration.account.usernameLabel')}
          hint={t('registration.account.usernameHint', {
            min: USERNAME_MIN_LENGTH,
            max: USERNAME_MAX_LENGTH,
          })}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => onUsernameChange(event.target.value)}
          error={errors.username}
        />
        {suggestion ? (
          <p>
            <Button variant="secondary" onClick={takeSuggestion}>
              {t('registration.account.useSuggestion', { suggestion })}
            </Button>
          </p>
        ) : null}
        <NewPasswordFields
          ids={{ password: IDS.password, confirm: IDS.confirm }}
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={{ password: errors.password, confirm: errors.confirm }}
          username={username.trim()}
        />
        <Button type="submit" busy={complete.isPending}>
          {complete.isPending
            ? t('registration.account.submitting')
            : t('registration.account.submit')}
        </Button>
      </form>
    </StepPage>
  );
}
