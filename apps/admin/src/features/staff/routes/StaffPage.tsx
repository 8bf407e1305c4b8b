import { LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useFormatLocale } from '../../../lib/i18n';
import { NEW_STAFF_PATH } from '../../../lib/paths';
import { useCurrentSession } from '../../../lib/session';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { $api } from '../../../lib/api';
import { useStaff, useStaffChange, type StaffMember } from '../api/staff';
import { StaffTable, type StaffAction } from '../components/StaffTable';
import { isSortKey, sortStaff, type SortKey, type SortOrder } from '../utils/sorting';

const STATUSES = ['active', 'disabled'] as const;
type StatusFilter = (typeof STATUSES)[number];

function isStatus(value: string | null): value is StatusFilter {
  return (STATUSES as readonly (string | null)[]).includes(value);
}

/** What each confirmation says, and what its button does. */
const DIALOG_KEYS = {
  disable: 'staff.dialogs.disable',
  enable: 'staff.dialogs.enable',
  resetSecondFactor: 'staff.dialogs.resetSecondFactor',
} as const;

/**
 * Staff accounts: who has which roles, who is disabled, who uses which second factor. Filter
 * and sort order live in the address; disabling, enabling and resetting a second factor each
 * ask once.
 */
export function StaffPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const staff = useStaff();
  const change = useStaffChange();
  // Disabling ends the account's sessions and blocks sign-in (422 for one's own account);
  // resetting removes its authenticator app and recovery codes and emails its owner.
  const disable = $api.useMutation('post', '/api/v1/staff/{accountId}/disable', change);
  const enable = $api.useMutation('post', '/api/v1/staff/{accountId}/enable', change);
  const reset = $api.useMutation('post', '/api/v1/staff/{accountId}/reset-second-factor', change);
  const [pending, setPending] = useState<{ action: StaffAction; member: StaffMember } | null>(null);
  const [result, setResult] = useState<{ text: string; key: number } | null>(null);

  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const sortParam = params.get('sort');
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'username';
  const order: SortOrder = params.get('order') === 'desc' ? 'desc' : 'asc';

  const mutation =
    pending?.action === 'disable' ? disable : pending?.action === 'enable' ? enable : reset;

  const setParam = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const onSort = (key: SortKey) =>
    setParam({ sort: key, order: key === sort && order === 'asc' ? 'desc' : 'asc' });

  const confirm = async () => {
    if (!pending) return;
    try {
      const member = await mutation.mutateAsync({
        params: { path: { accountId: pending.member.id } },
      });
      const keys = DIALOG_KEYS[pending.action];
      setResult((previous) => ({
        text: t(`${keys}.done`, { name: member.displayName, email: member.email }),
        key: (previous?.key ?? 0) + 1,
      }));
      setPending(null);
    } catch {
      // Explained inside the dialog, which stays open.
    }
  };

  const members = staff.data
    ? sortStaff(
        staff.data.items.filter((member) => !status || member.status === status),
        sort,
        order,
        locale,
      )
    : [];

  const filters: { value: StatusFilter | undefined; label: string }[] = [
    { value: undefined, label: t('staff.filter.all') },
    { value: 'active', label: t('staff.status.active') },
    { value: 'disabled', label: t('staff.status.disabled') },
  ];

  const keys = pending ? DIALOG_KEYS[pending.action] : undefined;

  return (
    <Page title={t('staff.page.title')}>
      <div className="admin-page-actions">
        <Link className="ui-button ui-button--primary" to={NEW_STAFF_PATH}>
          {t('staff.page.add')}
        </Link>
      </div>
      <FlashAlert />
      {result ? <ActionMessage focusKey={result.key}>{result.text}</ActionMessage> : null}
      <nav aria-label={t('staff.filter.label')}>
        <ul className="admin-filter-links">
          {filters.map(({ value, label }) => {
            const next = new URLSearchParams(params);
            if (value) next.set('status', value);
            else next.delete('status');
            return (
              <li key={value ?? 'all'}>
                <Link
                  to={{ search: next.toString() }}
                  aria-current={value === status ? 'page' : undefined}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {staff.isPending ? (
        <LoadingState label={t('staff.page.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : staff.isError ? (
        <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : members.length === 0 ? (
        <p role="status">{t('staff.page.none')}</p>
      ) : (
        <StaffTable
          caption={t('staff.page.caption', { count: members.length })}
          members={members}
          sort={sort}
          order={order}
          onSort={onSort}
          selfId={user.id}
          onAction={(action, member) => {
            disable.reset();
            enable.reset();
            reset.reset();
            setPending({ action, member });
          }}
        />
      )}
      <ConfirmDialog
        open={pending !== null && keys !== undefined}
        title={keys && pending ? t(`${keys}.title`, { name: pending.member.displayName }) : ''}
        description={keys && pending ? t(`${keys}.body`, { name: pending.member.displayName }) : ''}
        confirmLabel={keys ? t(`${keys}.confirm`) : ''}
        cancelLabel={keys ? t(`${keys}.cancel`) : undefined}
        busy={mutation.isPending}
        error={mutation.error}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </Page>
  );
}
