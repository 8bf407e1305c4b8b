import { Button, VisuallyHidden } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActiveToggleProps {
  active: boolean;
  /** Names the row for screen readers ("Deactivate North Clinic"). */
  name: string;
  onToggle: (active: boolean) => Promise<unknown>;
}

/**
 * Deactivate or activate at once: nothing is deleted, and the same button undoes it. The
 * result is said by the page (it takes focus there).
 */
export function ActiveToggle({ active, name, onToggle }: ActiveToggleProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      busy={busy}
      onClick={() => {
        setBusy(true);
        void onToggle(!active).finally(() => setBusy(false));
      }}
    >
      {busy
        ? t('sections.working')
        : active
          ? t('clinicSettings.actions.deactivate')
          : t('clinicSettings.actions.activate')}
      <VisuallyHidden> {name}</VisuallyHidden>
    </Button>
  );
}
