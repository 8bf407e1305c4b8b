import { Button } from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { $api } from '../../../lib/api';
import { useCurrentSession } from '../../../lib/session';
import { flashState } from '../../../lib/flash';
import { INBOX_PATH } from '../../../lib/paths';
import { POOLS, refreshConversations, useBulkChange, type Conversation } from '../api/inbox';

type Done = 'assigned' | 'moved' | 'closed' | 'reopened';
type Outcome = { kind: 'done'; action: Done } | { kind: 'failed'; error: unknown };

/** Taking the conversation, passing it to another pool, closing or reopening it. */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const conversationIds = [conversation.id];
  const bulk = useBulkChange();
  const assign = $api.useMutation('post', '/api/v1/conversations/assign', bulk);
  const close = $api.useMutation('post', '/api/v1/conversations/close', bulk);
  const reopen = $api.useMutation('post', '/api/v1/conversations/reopen', bulk);
  const move = $api.useMutation('post', '/api/v1/conversations/{conversationId}/move');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pools = $api.useQuery('get', POOLS);
  const otherPools = (pools.data?.items ?? []).filter(
    (pool) => pool.active && pool.id !== conversation.pool.id,
  );
  const [poolId, setPoolId] = useState('');
  const [outcome, setOutcome] = useState<{ value: Outcome; key: number } | null>(null);
  const report = (value: Outcome) =>
    setOutcome((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const run = async (action: Done, send: () => Promise<unknown>) => {
    try {
      await send();
      if (action !== 'moved') report({ kind: 'done', action });
    } catch (error) {
      report({ kind: 'failed', error });
    }
  };

  const chosenPool = otherPools.find((pool) => pool.id === poolId) ?? otherPools[0];
  const submitMove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosenPool || move.isPending) return;
    // Moved, it may leave this person's pools: back to the inbox, which says where it went.
    void run('moved', async () => {
      await move.mutateAsync({
        params: { path: { conversationId: conversation.id } },
        body: { poolId: chosenPool.id },
      });
      void navigate(INBOX_PATH, {
        state: flashState(t('inbox.actions.done.moved', { pool: chosenPool.name })),
      });
      void refreshConversations(queryClient, conversationIds);
    });
  };

  const mine = conversation.assignee?.id === user.id;
  return (
    <section aria-labelledby="conversation-actions-heading" className="inbox-actions">
      <h2 id="conversation-actions-heading" className="ui-visually-hidden">
        {t('inbox.actions.heading')}
      </h2>
      {outcome ? (
        outcome.value.kind === 'failed' ? (
          <ActionMessage focusKey={outcome.key} plain>
            <ApiErrorAlert error={outcome.value.error} />
          </ActionMessage>
        ) : (
          <ActionMessage focusKey={outcome.key}>
            {t(`inbox.actions.done.${outcome.value.action}`)}
          </ActionMessage>
        )
      ) : null}
      <div className="admin-page-actions">
        {!mine ? (
          <Button
            variant="secondary"
            busy={assign.isPending}
            onClick={() =>
              void run('assigned', () =>
                assign.mutateAsync({ body: { conversationIds, assigneeAccountId: user.id } }),
              )
            }
          >
            {t('inbox.actions.assignToMe')}
          </Button>
        ) : null}
        {conversation.status === 'open' ? (
          <Button
            variant="secondary"
            busy={close.isPending}
            onClick={() =>
              void run('closed', () => close.mutateAsync({ body: { conversationIds } }))
            }
          >
            {t('inbox.actions.close')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={reopen.isPending}
            onClick={() =>
              void run('reopened', () => reopen.mutateAsync({ body: { conversationIds } }))
            }
          >
            {t('inbox.actions.reopen')}
          </Button>
        )}
      </div>
      {otherPools.length > 0 ? (
        <form
          className="inbox-move"
          aria-label={t('inbox.actions.moveLabel')}
          onSubmit={submitMove}
        >
          <SelectField
            id="conversation-move-pool"
            name="poolId"
            label={t('inbox.actions.movePool')}
            hint={t('inbox.actions.moveHint')}
            value={chosenPool?.id ?? ''}
            options={otherPools.map((pool) => ({ value: pool.id, label: pool.name }))}
            onChange={(event) => setPoolId(event.target.value)}
          />
          <Button type="submit" variant="secondary" busy={move.isPending}>
            {t('inbox.actions.move')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
