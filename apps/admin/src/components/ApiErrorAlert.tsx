import { Alert, Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { failureKind, serverDetail } from '../lib/api-errors';

export interface ApiErrorAlertProps {
  error: unknown;
  /** Offer a "Try again" button (for failed loads). */
  onRetry?: () => void;
  /** Title for errors the server explains itself (409, 422…); the detail follows it. */
  refusedTitle?: string;
}

/**
 * A failed call explained in plain words: a role that may not do this, something that is not
 * there, a connection problem, or the server's own explanation. Never a status code alone.
 */
export function ApiErrorAlert({ error, onRetry, refusedTitle }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const kind = failureKind(error);
  const detail = serverDetail(error);

  let title: string;
  let body: string | undefined;
  switch (kind) {
    case 'forbidden':
      title = t('sections.noAccess.title');
      body = t('sections.noAccess.body');
      break;
    case 'notFound':
      title = t('sections.errors.notFoundTitle');
      body = detail ?? t('sections.errors.notFound');
      break;
    case 'network':
      title = t('sections.errors.networkTitle');
      body = t('sections.errors.network');
      break;
    case 'server':
      title = t('sections.errors.serverTitle');
      body = t('sections.errors.server');
      break;
    default:
      title = refusedTitle ?? t('sections.errors.refusedTitle');
      body = detail;
  }

  return (
    <Alert tone="error" title={title}>
      {body ? <p>{body}</p> : null}
      {onRetry && kind !== 'forbidden' ? (
        <p>
          <Button variant="secondary" onClick={onRetry}>
            {t('sections.retry')}
          </Button>
        </p>
      ) : null}
    </Alert>
  );
}
