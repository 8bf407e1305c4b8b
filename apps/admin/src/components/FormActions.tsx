import { Button } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface SaveButtonProps {
  busy: boolean;
  /** The action while idle: "Save changes". */
  label: string;
}

/** A form's submit button: it says "Saving…" while the request runs. */
export function SaveButton({ busy, label }: SaveButtonProps) {
  const { t } = useTranslation();
  return (
    <Button type="submit" busy={busy}>
      {busy ? t('sections.saving') : label}
    </Button>
  );
}

export interface FormActionsProps extends SaveButtonProps {
  /** Where Cancel goes. */
  cancelTo: string;
  children?: ReactNode;
}

/** Submit, then Cancel as a link back, in a form's action row. */
export function FormActions({ busy, label, cancelTo, children }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="ui-actions">
      <SaveButton busy={busy} label={label} />
      <Link to={cancelTo}>{t('sections.cancel')}</Link>
      {children}
    </div>
  );
}
