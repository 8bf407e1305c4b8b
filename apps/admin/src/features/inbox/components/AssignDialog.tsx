import { Button, Dialog } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import type { PersonRef } from '../utils/assignees';

export interface AssignDialogProps {
  open: boolean;
  count: number;
  people: readonly PersonRef[];
  busy: boolean;
  error?: unknown;
  /** null: unassign. */
  onAssign: (accountId: string | null) => void;
  onCancel: () => void;
}

const NOBODY = '';

/** "Assign to…": one staff member, or nobody, for the selected conversations. */
export function AssignDialog({
  open,
  count,
  people,
  busy,
  error,
  onAssign,
  onCancel,
}: AssignDialogProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(people[0]?.id ?? NOBODY);
  return (
    <Dialog
      open={open}
      title={t('inbox.assign.title', { count })}
      description={<p>{t('inbox.assign.description')}</p>}
      onEscape={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <Button busy={busy} onClick={() => onAssign(choice === NOBODY ? null : choice)}>
            {busy ? t('sections.working') : t('inbox.assign.confirm')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('sections.cancel')}
          </Button>
        </>
      }
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      <SelectField
        id="inbox-assign-to"
        name="assignee"
        label={t('inbox.assign.to')}
        data-autofocus
        value={choice}
        options={[
          ...people.map((person) => ({ value: person.id, label: person.name })),
          { value: NOBODY, label: t('inbox.assign.nobody') },
        ]}
        onChange={(event) => setChoice(event.target.value)}
      />
    </Dialog>
  );
}
