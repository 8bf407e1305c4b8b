import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SIGN_IN_PATH, type SignInState } from '../../../lib/navigation';
import { StepPage } from './StepPage';

export interface DoneStepProps {
  username: string;
}

/**
 * Step 3: the account exists. Says so, repeats the username, and sends the patient to sign in
 * with the username already filled in (through history state, never the URL).
 */
export function DoneStep({ username }: DoneStepProps) {
  const { t } = useTranslation();
  const state: SignInState = { username };
  return (
    <StepPage step={3} title={t('registration.done.title')}>
      <p>
        {t('registration.done.usernameIntro')}{' '}
        <span className="registration__username">{username}</span>
      </p>
      <p>{t('registration.done.body')}</p>
      <p>
        <Link
          to={SIGN_IN_PATH}
          state={state}
          replace
          className="ui-button ui-button--primary registration__button-link"
        >
          {t('registration.done.signIn')}
        </Link>
      </p>
      <p>{t('registration.done.secondStep')}</p>
    </StepPage>
  );
}
