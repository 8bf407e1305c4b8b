import { isApiError } from '@portal/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCanUse } from '../../../lib/access';
import { editPatientPath } from '../../../lib/paths';
import { hasProblemText, PROBLEM_TEXT_KEYS, type ActionResult } from '../utils/action-result';

export interface ActionResultMessageProps {
  result: ActionResult;
  /** Changes with every action, so each result is announced and focused. */
  focusKey: number;
  /** The patient the action was about, for a link to add a missing email. */
  patientId?: string;
}

/**
 * The outcome of invite, resend or revoke in words. Refusals the API explains by code (no
 * email on file, an account already, an invitation still valid) get this app's own wording
 * and, where there is one, the next step.
 */
export function ActionResultMessage({ result, focusKey, patientId }: ActionResultMessageProps) {
  const { t } = useTranslation();
  const canEdit = useCanUse('patientEdit');

  if (result.kind === 'success') {
    return <ActionMessage focusKey={focusKey}>{result.text}</ActionMessage>;
  }

  const { error, action } = result;
  const title = t(`invitations.failed.${action}`);
  if (isApiError(error) && hasProblemText(error.code)) {
    return (
      <ActionMessage tone="error" title={title} focusKey={focusKey}>
        <p>{t(PROBLEM_TEXT_KEYS[error.code])}</p>
        {error.code === 'patient_email_missing' && patientId && canEdit ? (
          <p>
            <Link to={editPatientPath(patientId)}>{t('invitations.problems.addEmail')}</Link>
          </p>
        ) : null}
      </ActionMessage>
    );
  }
  return (
    <ActionMessage plain focusKey={focusKey}>
      <ApiErrorAlert error={error} refusedTitle={title} />
    </ActionMessage>
  );
}
