import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, LinkList, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestPasswordReset } from './api/request-password-reset';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { Page } from './Page';

const FIELD_ID = 'forgot-password-identifier';

/**
 * Asks for a reset link by username or email. The answer is the same whether or not an
 * account matches, so the page never reveals who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { forgotUsernamePath, signInPath } = useAuthUi();
  const request = useRequestPasswordReset();
  const [identifier, setIdentifier] = useState('');
  const [error, setError] = useState<{ message: string; onField: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (request.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const value = identifier.trim();
    if (!value) {
      setError({ message: t('forgotPassword.errors.required'), onField: true });
      return;
    }
    setError(null);
    try {
      await request.mutateAsync({ identifier: value });
      setSent(true);
    } catch (failure) {
      const onField = isApiError(failure) ? failure.fieldError('identifier') : undefined;
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
    <Page title={t('forgotPassword.title')}>
      {sent ? (
        <>
          <Confirmation title={t('forgotPassword.sentTitle')}>
            <p>{t('forgotPassword.sent')}</p>
            <p>{t('forgotPassword.sentHelp')}</p>
          </Confirmation>
          <div className="ui-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setSent(false);
                setIdentifier('');
              }}
            >
              {t('forgotPassword.again')}
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
          <p>{t('forgotPassword.intro')}</p>
          <form noValidate aria-label={t('forgotPassword.title')} onSubmit={(e) => void submit(e)}>
            <TextField
              id={FIELD_ID}
              name="identifier"
              label={t('forgotPassword.identifier')}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              value={identifier}
              onChange={(event) => setIdentifier(event.target.value)}
              error={error?.onField ? error.message : undefined}
            />
            <Button type="submit" busy={request.isPending}>
              {request.isPending ? t('common.sending') : t('forgotPassword.submit')}
            </Button>
          </form>
        </>
      )}
      <LinkList>
        <Link to={signInPath}>{t('common.backToSignIn')}</Link>
        <Link to={forgotUsernamePath}>{t('signIn.forgotUsername')}</Link>
      </LinkList>
    </Page>
  );
}
