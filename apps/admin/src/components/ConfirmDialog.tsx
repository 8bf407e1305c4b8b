import { Button, Dialog } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert';

export interface ConfirmDialogProps {
  open: boolean;
  /** A question that names the action and its object: "Revoke this invitation?" */
  title: string;
  /** What will happen, in words, and whether it can be undone. */
  description: ReactNode;
  /** The action, as a verb: "Revoke invitation". */
  confirmLabel: string;
  /** The safe choice: "Keep invitation". Defaults to "Cancel". */
  cancelLabel?: string;
  busy?: boolean;
  /** The last attempt failed: explained inside the dialog, which stays open. */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The one confirmation a destructive action asks for. Focus starts on the safe choice, Escape
 * cancels, and focus returns to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  cancelLabel,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={title}
      description={<p>{description}</p>}
      onEscape={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <Button variant="primary" busy={busy} onClick={onConfirm}>
            {busy ? t('sections.working') : confirmLabel}
          </Button>
          <Button variant="secondary" data-autofocus onClick={onCancel}>
            {cancelLabel ?? t('sections.cancel')}
          </Button>
        </>
      }
    >
      {error ? <ApiErrorAlert error={error} /> : null}
    </Dialog>
  );
}
