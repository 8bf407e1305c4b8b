import { Button, VisuallyHidden } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleNames } from '../../../components/RoleNames';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { editStaffPath } from '../../../lib/paths';
import type { StaffMember } from '../api/staff';
import type { SortKey, SortOrder } from '../utils/sorting';

const CAPTION_ID = 'staff-caption';

export type StaffAction = 'disable' | 'enable' | 'resetSecondFactor';

export interface StaffTableProps {
  caption: string;
  members: StaffMember[];
  sort: SortKey;
  order: SortOrder;
  /** Called with the column the person asked to sort by. */
  onSort: (key: SortKey) => void;
  /** The signed-in administrator's own account: it cannot be disabled from here. */
  selfId: string;
  onAction: (action: StaffAction, member: StaffMember) => void;
}

function SortHeader({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: SortKey;
  label: string;
  sort: SortKey;
  order: SortOrder;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="admin-sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (order === 'asc' ? '▲' : '▼') : ''}</span>
        <VisuallyHidden>
          {active
            ? order === 'asc'
              ? t('staff.table.sortedAscending')
              : t('staff.table.sortedDescending')
            : t('staff.table.sortable')}
        </VisuallyHidden>
      </button>
    </th>
  );
}

/** Staff accounts with their roles, status and second factor, sortable by column. */
export function StaffTable({
  caption,
  members,
  sort,
  order,
  onSort,
  selfId,
  onAction,
}: StaffTableProps) {
  const { t } = useTranslation();
  const header = { sort, order, onSort };
  return (
    <TableScroll captionId={CAPTION_ID}>
      <table className="admin-table">
        <caption id={CAPTION_ID}>{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="name" label={t('staff.fields.displayName')} {...header} />
            <SortHeader column="username" label={t('staff.fields.username')} {...header} />
            <th scope="col">{t('staff.fields.roles')}</th>
            <SortHeader column="status" label={t('staff.table.status')} {...header} />
            <th scope="col">{t('staff.table.secondFactor')}</th>
            <SortHeader column="created" label={t('staff.table.created')} {...header} />
            <th scope="col">{t('staff.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = member.displayName;
            const forWhom = (
              <VisuallyHidden>{t('staff.actions.forMember', { name })}</VisuallyHidden>
            );
            return (
              <tr key={member.id}>
                <th scope="row">
                  {name}
                  {member.id === selfId ? (
                    <span className="admin-muted"> {t('staff.table.you')}</span>
                  ) : null}
                  <br />
                  <span className="admin-muted">{member.email}</span>
                </th>
                <td className="admin-mono">{member.username}</td>
                <td>
                  <RoleNames roles={member.roles} />
                </td>
                <td>
                  <StatusBadge tone={member.status === 'active' ? 'success' : 'warning'}>
                    {t(`staff.status.${member.status}`)}
                  </StatusBadge>
                </td>
                <td>{t(`staff.secondFactor.${member.secondFactor}`)}</td>
                <td className="admin-nowrap">
                  <Time value={member.createdAt} />
                </td>
                <td>
                  <div className="admin-table__actions">
                    <Link className="ui-button ui-button--secondary" to={editStaffPath(member.id)}>
                      {t('staff.actions.edit')}
                      {forWhom}
                    </Link>
                    {member.id === selfId ? null : member.status === 'active' ? (
                      <Button variant="secondary" onClick={() => onAction('disable', member)}>
                        {t('staff.actions.disable')}
                        {forWhom}
                      </Button>
                    ) : (
                      <Button variant="secondary" onClick={() => onAction('enable', member)}>
                        {t('staff.actions.enable')}
                        {forWhom}
                      </Button>
                    )}
                    {member.secondFactor !== 'none' ? (
                      <Button
                        variant="secondary"
                        onClick={() => onAction('resetSecondFactor', member)}
                      >
                        {t('staff.actions.resetSecondFactor')}
                        {forWhom}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
