import { Button } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { $api } from '../../../lib/api';
import { useBulkChange, type BulkResult } from '../api/inbox';
import type { PersonRef } from '../utils/assignees';
import { AssignDialog } from './AssignDialog';

export type BulkAction = 'assignedToMe' | 'assigned' | 'unassigned' | 'closed' | 'reopened';

export interface BulkActionsProps {
  selected: readonly string[];
  me: PersonRef;
  people: readonly PersonRef[];
  /** In the closed view the selection is reopened rather than closed. */
  closedView: boolean;
  onDone: (action: BulkAction, result: BulkResult, assignee?: string) => void;
  onFailed: (error: unknown) => void;
}

/** What can be done to the selected conversations at once: assign, close or reopen. */
export function BulkActions({
  selected,
  me,
  people,
  closedView,
  onDone,
  onFailed,
}: BulkActionsProps) {
  const { t } = useTranslation();
  const change = useBulkChange();
  const assign = $api.useMutation('post', '/api/v1/conversations/assign', change);
  const close = $api.useMutation('post', '/api/v1/conversations/close', change);
  const reopen = $api.useMutation('post', '/api/v1/conversations/reopen', change);
  const [dialog, setDialog] = useState<'assign' | 'close' | null>(null);
  const count = selected.length;
  const conversationIds = [...selected];

  const assignTo = async (accountId: string | null, fromDialog: boolean) => {
    try {
      const result = await assign.mutateAsync({
        body: { conversationIds, assigneeAccountId: accountId },
      });
      setDialog(null);
      const name = people.find((person) => person.id === accountId)?.name;
      onDone(
        accountId === null ? 'unassigned' : accountId === me.id ? 'assignedToMe' : 'assigned',
        result,
        name,
      );
    } catch (error) {
      if (!fromDialog) onFailed(error);
    }
  };

  const closeAll = async () => {
    try {
      const result = await close.mutateAsync({ body: { conversationIds } });
      setDialog(null);
      onDone('closed', result);
    } catch {
      // Said inside the dialog, which stays open.
    }
  };

  const reopenAll = async () => {
    try {
      onDone('reopened', await reopen.mutateAsync({ body: { conversationIds } }));
    } catch (error) {
      onFailed(error);
    }
  };

  return (
    <div className="inbox-bulk" role="group" aria-label={t('inbox.bulk.label')}>
      <p className="inbox-bulk__count" role="status">
        {t('inbox.bulk.selected', { count })}
      </p>
      <Button
        variant="secondary"
        busy={assign.isPending && dialog === null}
        onClick={() => void assignTo(me.id, false)}
      >
        {t('inbox.bulk.assignToMe')}
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          assign.reset();
          setDialog('assign');
        }}
      >
        {t('inbox.bulk.assignTo')}
      </Button>
      {closedView ? (
        <Button variant="secondary" busy={reopen.isPending} onClick={() => void reopenAll()}>
          {t('inbox.bulk.reopen')}
        </Button>
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            close.reset();
            setDialog('close');
          }}
        >
          {t('inbox.bulk.close')}
        </Button>
      )}
      {dialog === 'assign' ? (
        <AssignDialog
          open
          count={count}
          people={people}
          busy={assign.isPending}
          error={assign.error ?? undefined}
          onAssign={(accountId) => void assignTo(accountId, true)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      <ConfirmDialog
        open={dialog === 'close'}
        title={t('inbox.close.title', { count })}
        description={t('inbox.close.description', { count })}
        confirmLabel={t('inbox.close.confirm', { count })}
        cancelLabel={t('inbox.close.keep', { count })}
        busy={close.isPending}
        error={close.error ?? undefined}
        onConfirm={() => void closeAll()}
        onCancel={() => setDialog(null)}
      />
    </div>
  );
}
