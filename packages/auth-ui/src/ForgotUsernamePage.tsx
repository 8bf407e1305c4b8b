import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, LinkList, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRemindUsername } from './api/remind-username';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { Page } from './Page';

const FIELD_ID = 'forgot-username-email';

/** Emails the username to an address; the answer never says whether the address is known. */
export function ForgotUsernamePage() {
  const { t } = useTranslation();
  const { forgotPasswordPath, signInPath } = useAuthUi();
  const remind = useRemindUsername();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ message: string; onField: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (remind.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const value = email.trim();
    if (!value) {
      setError({ message: t('forgotUsername.errors.required'), onField: true });
      return;
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setError({ message: t('forgotUsername.errors.invalid'), onField: true });
      return;
    }
    setError(null);
    try {
      await remind.mutateAsync({ email: value });
      setSent(true);
    } catch (failure) {
      const onField = isApiError(failure) ? failure.fieldError('email') : undefined;
      setError(
        onField
          ? { message: onField, onField: true }
          : {
              message: isApiError(failure)
                ? t('common.errors.unexpected')
                : t('common.errors.network'),
              onField: false,
            },
      );
    }
  };

  return (
    <Page title={t('forgotUsername.title')}>
      {sent ? (
        <>
          <Confirmation title={t('forgotUsername.sentTitle')}>
            <p>{t('forgotUsername.sent')}</p>
            <p>{t('forgotUsername.sentHelp')}</p>
          </Confirmation>
          <div className="ui-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setSent(false);
                setEmail('');
              }}
            >
              {t('forgotUsername.again')}
            </Button>
          </div>
        </>
      ) : (
        <>
          {error ? (
            <ErrorSummary
              title={t('common.errors.summaryTitle')}
              errors={[{ message: error.message, targetId: error.onField ? FIELD_ID : undefined }]}
              focusKey={attempt}
            />
          ) : null}
          <p>{t('forgotUsername.intro')}</p>
          <form noValidate aria-label={t('forgotUsername.title')} onSubmit={(e) => void submit(e)}>
            <TextField
              id={FIELD_ID}
              name="email"
              type="email"
              label={t('forgotUsername.email')}
              autoComplete="email"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={error?.onField ? error.message : undefined}
            />
            <Button type="submit" busy={remind.isPending}>
              {remind.isPending ? t('common.sending') : t('forgotUsername.submit')}
            </Button>
          </form>
        </>
      )}
      <LinkList>
        <Link to={signInPath}>{t('common.backToSignIn')}</Link>
        <Link to={forgotPasswordPath}>{t('signIn.forgotPassword')}</Link>
      </LinkList>
    </Page>
  );
}
