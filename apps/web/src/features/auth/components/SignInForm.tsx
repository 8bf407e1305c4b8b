import { isApiError, type SecondFactorMethod } from '@portal/api-client';
import { Button, ErrorSummary, TextField, type ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/login';
import { SecondFactorNotice } from './SecondFactorNotice';

const FIELD_IDS = { username: 'sign-in-username', password: 'sign-in-password' } as const;
const SUMMARY_ID = 'sign-in-errors';

type Field = keyof typeof FIELD_IDS;
type FieldErrors = Partial<Record<Field, string>>;

function isField(name: string): name is Field {
  return name in FIELD_IDS;
}

export interface SignInFormProps {
  /** Called once the server says the visitor is signed in. */
  onSignedIn: () => void;
}

/**
 * Username and password form. Empty fields are caught here without a request; anything the
 * server refuses comes back as a problem document whose words are shown as they are.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [secondFactor, setSecondFactor] = useState<readonly SecondFactorMethod[] | null>(null);

  const showErrors = (fields: FieldErrors, items: ErrorSummaryItem[]) => {
    setFieldErrors(fields);
    setSummary(items);
  };

  const describeFailure = (error: unknown): [FieldErrors, ErrorSummaryItem[]] => {
    if (!isApiError(error)) {
      return [{}, [{ message: t('signIn.errors.network') }]];
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
      return [fields, items];
    }
    const message =
      error.detail || (error.status >= 500 ? t('signIn.errors.unexpected') : error.title);
    // Not tied to one field (wrong username or password): link to the first field to retry.
    return [{}, [{ message, targetId: FIELD_IDS.username }]];
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    setSecondFactor(null);

    const missing: FieldErrors = {};
    if (!username.trim()) {
      missing.username = t('signIn.errors.usernameRequired');
    }
    if (!password) {
      missing.password = t('signIn.errors.passwordRequired');
    }
    const missingFields = Object.keys(missing).filter(isField);
    if (missingFields.length > 0) {
      showErrors(
        missing,
        missingFields.map((field) => ({
          message: missing[field] ?? '',
          targetId: FIELD_IDS[field],
        })),
      );
      return;
    }

    setFieldErrors({});
    setSummary(null);
    try {
      const result = await login.mutateAsync({ username: username.trim(), password });
      if (result.status === 'signed-in') {
        onSignedIn();
      } else {
        setSecondFactor(result.methods);
      }
    } catch (error) {
      // Never keep a refused password in the page.
      setPassword('');
      showErrors(...describeFailure(error));
    }
  };

  return (
    <>
      {summary ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('signIn.errors.summaryTitle')}
          errors={summary}
          focusKey={attempt}
        />
      ) : null}
      {secondFactor ? <SecondFactorNotice methods={secondFactor} /> : null}
      <form
        noValidate
        aria-label={t('signIn.title')}
        aria-describedby={summary ? SUMMARY_ID : undefined}
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
