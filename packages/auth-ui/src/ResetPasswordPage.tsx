import { isApiError } from '@portal/api-client';
import { Alert, Button, ErrorSummary, type ErrorSummaryItem, LinkList } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCompletePasswordReset } from './api/complete-password-reset';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { useLinkToken } from './link-token';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields } from './NewPasswordFields';
import type { SignInState } from './sign-in-state';
import { Page } from './Page';

const IDS = { password: 'reset-password-new', confirm: 'reset-password-confirm' } as const;

/**
 * Where the emailed reset link lands. The token is taken out of the address at once; the new
 * password is checked here for length and typing, and by the server for everything else.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { forgotPasswordPath, signInPath } = useAuthUi();
  const navigate = useNavigate();
  const token = useLinkToken();
  const complete = useCompletePasswordReset();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [linkDead, setLinkDead] = useState(false);

  const show = (fields: NewPasswordErrors, extra: ErrorSummaryItem[] = []) => {
    setErrors(fields);
    setSummary([
      ...(fields.password ? [{ message: fields.password, targetId: IDS.password }] : []),
      ...(fields.confirm ? [{ message: fields.confirm, targetId: IDS.confirm }] : []),
      ...extra,
    ]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (complete.isPending || !token) {
      return;
    }
    setAttempt((count) => count + 1);
    const problems = checkNewPassword(t, password, confirm);
    if (problems.password || problems.confirm) {
      show(problems);
      return;
    }
    setErrors({});
    setSummary(null);
    try {
      await complete.mutateAsync({ token, password });
      const state: SignInState = { notice: 'passwordReset' };
      await navigate(signInPath, { replace: true, state });
    } catch (error) {
      if (isApiError(error) && (error.status === 410 || error.fieldError('token'))) {
        setLinkDead(true);
        return;
      }
      if (isApiError(error) && error.fieldError('password')) {
        show({ password: error.fieldError('password') });
        return;
      }
      show({}, [
        {
          message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
        },
      ]);
    }
  };

  if (!token || linkDead) {
    return (
      <Page title={t('resetPassword.title')}>
        {linkDead ? (
          // The form just went away: focus moves to the reason.
          <Confirmation tone="error" title={t('links.deadTitle')}>
            <p>{t('resetPassword.dead')}</p>
          </Confirmation>
        ) : (
          <Alert tone="error" title={t('links.missingTitle')}>
            <p>{t('links.missing')}</p>
          </Alert>
        )}
        <LinkList>
          <Link to={forgotPasswordPath}>{t('resetPassword.newLink')}</Link>
          <Link to={signInPath}>{t('common.backToSignIn')}</Link>
        </LinkList>
      </Page>
    );
  }

  return (
    <Page title={t('resetPassword.title')}>
      {summary ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={summary} focusKey={attempt} />
      ) : null}
      <p>{t('resetPassword.intro')}</p>
      <form noValidate aria-label={t('resetPassword.title')} onSubmit={(e) => void submit(e)}>
        <NewPasswordFields
          ids={IDS}
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={errors}
        />
        <Button type="submit" busy={complete.isPending}>
          {complete.isPending ? t('common.saving') : t('resetPassword.submit')}
        </Button>
      </form>
    </Page>
  );
}
