import { Alert, Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';

export interface LoadFailedProps {
  title: string;
  body: string;
  onRetry: () => void;
}

/** A load that failed: what happened, and a button to try again. */
export function LoadFailed({ title, body, onRetry }: LoadFailedProps) {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={title}>
      <p>{body}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.tryAgain')}
      </Button>
    </Alert>
  );
}
