import { isApiError, type LoginSecondFactorRequired } from '@portal/api-client';
import { Button, ErrorSummary, TextField, type ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SignInPausedError, useLogin } from './api/login';
import { useAuthUi } from './context';

const FIELD_IDS = { username: 'sign-in-username', password: 'sign-in-password' } as const;
const SUMMARY_ID = 'sign-in-errors';

type Field = keyof typeof FIELD_IDS;
type FieldErrors = Partial<Record<Field, string>>;

interface Failure {
  fields: FieldErrors;
  items: ErrorSummaryItem[];
  description?: ReactNode;
}

function isField(name: string): name is Field {
  return name in FIELD_IDS;
}

export interface SignInFormProps {
  /** Called once the server says the visitor is signed in. */
  onSignedIn: () => void;
  /** Called when the account asks for a verification code next. */
  onSecondFactor: (challenge: LoginSecondFactorRequired, username: string) => void;
  /** Username to start with (coming back from the code step). */
  initialUsername?: string;
}

/**
 * Username and password form. Empty fields are caught here without a request; anything the
 * server refuses comes back as a problem document whose words are shown as they are, except
 * a sign-in pause, which says how long to wait and offers a password reset.
 */
export function SignInForm({ onSignedIn, onSecondFactor, initialUsername = '' }: SignInFormProps) {
  const { t } = useTranslation();
  const { forgotPasswordPath } = useAuthUi();
  const login = useLogin();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);

  const pausedFor = (seconds: number | undefined, detail: string): string => {
    if (seconds === undefined) {
      return detail || t('signIn.errors.pausedLater');
    }
    if (seconds < 60) {
      return t('signIn.errors.pausedSeconds', { count: Math.max(1, seconds) });
    }
    return t('signIn.errors.pausedMinutes', { count: Math.ceil(seconds / 60) });
  };

  const describeFailure = (error: unknown): Failure => {
    if (!isApiError(error)) {
      return { fields: {}, items: [{ message: t('signIn.errors.network') }] };
    }
    if (error.status === 429) {
      const seconds = error instanceof SignInPausedError ? error.retryAfterSeconds : undefined;
      return {
        fields: {},
        items: [],
        description: (
          <>
            <p>{pausedFor(seconds, error.detail)}</p>
            <p>
              {t('signIn.errors.pausedReset')}{' '}
              <Link to={forgotPasswordPath}>{t('signIn.errors.pausedResetLink')}</Link>
            </p>
          </>
        ),
      };
    }
    if (error.fieldErrors.length > 0) {
      const fields: FieldErrors = {};
      const items = error.fieldErrors.map(({ field, message }) => {
        if (isField(field)) {
          fields[field] ??= message;
          return { message, targetId: FIELD_IDS[field] };
        }
        return { message };
      });
      return { fields, items };
    }
    const message =
      error.detail || (error.status >= 500 ? t('signIn.errors.unexpected') : error.title);
    // Not tied to one field (wrong username or password): link to the first field to retry.
    return { fields: {}, items: [{ message, targetId: FIELD_IDS.username }] };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) {
      return;
    }
    setAttempt((count) => count + 1);

    const missing: FieldErrors = {};
    if (!username.trim()) {
      missing.username = t('signIn.errors.usernameRequired');
    }
    if (!password) {
      missing.password = t('signIn.errors.passwordRequired');
    }
    const missingFields = Object.keys(missing).filter(isField);
    if (missingFields.length > 0) {
      setFailure({
        fields: missing,
        items: missingFields.map((field) => ({
          message: missing[field] ?? '',
          targetId: FIELD_IDS[field],
        })),
      });
      return;
    }

    setFailure(null);
    try {
      const result = await login.mutateAsync({ username: username.trim(), password });
      if (result.status === 'signed-in') {
        onSignedIn();
      } else {
        setPassword('');
        onSecondFactor(result, username.trim());
      }
    } catch (error) {
      // Never keep a refused password in the page.
      setPassword('');
      setFailure(describeFailure(error));
    }
  };

  const fieldErrors = failure?.fields ?? {};

  return (
    <>
      {failure ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('signIn.errors.summaryTitle')}
          errors={failure.items}
          description={failure.description}
          focusKey={attempt}
        />
      ) : null}
      <form
        noValidate
        aria-label={t('signIn.title')}
        aria-describedby={failure ? SUMMARY_ID : undefined}
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          id={FIELD_IDS.username}
          name="username"
          label={t('signIn.username')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={fieldErrors.username}
        />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
        />
        <Button type="submit" busy={login.isPending}>
          {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </>
  );
}
