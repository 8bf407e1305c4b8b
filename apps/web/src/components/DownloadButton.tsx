import { Alert, Button } from '@portal/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface DownloadButtonProps {
  label: string;
  hint?: string;
  pending: boolean;
  failed: boolean;
  onDownload: () => void;
}

/** A file download: a button, a line on what it gives, and in words when it fails. */
export function DownloadButton({ label, hint, pending, failed, onDownload }: DownloadButtonProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="download-button">
      {failed ? <Alert tone="error">{t('common.download.failed')}</Alert> : null}
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Button
        variant="secondary"
        busy={pending}
        aria-describedby={hint ? hintId : undefined}
        onClick={onDownload}
      >
        {pending ? t('common.download.pending') : label}
      </Button>
    </div>
  );
}
