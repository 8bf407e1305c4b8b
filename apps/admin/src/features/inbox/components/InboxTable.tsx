import { VisuallyHidden } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import { conversationPath, patientPath } from '../../../lib/paths';
import type { InboxItem } from '../api/inbox';
import { AnswerClock } from './AnswerClock';

export interface InboxTableProps {
  caption: string;
  items: readonly InboxItem[];
  now: number;
  /** Row selection for the bulk actions; left out for those who may only read. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (id: string, on: boolean) => void;
    onToggleAll: (on: boolean) => void;
  };
  /** Patient names link to the chart. */
  linkPatients: boolean;
}

/** One view of the inbox: who, about what, where it sits, who has it and the answer clock. */
export function InboxTable({ caption, items, now, selection, linkPatients }: InboxTableProps) {
  const { t } = useTranslation();
  const allSelected =
    selection !== undefined &&
    items.length > 0 &&
    items.every((item) => selection.selected.has(item.id));
  return (
    <DataTable
      captionId="inbox-caption"
      caption={caption}
      hiddenCaption
      head={
        <tr>
          {selection ? (
            <th scope="col" className="inbox-select">
              <label className="inbox-select__label">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={(event) => selection.onToggleAll(event.target.checked)}
                />
                <VisuallyHidden>{t('inbox.table.selectAll')}</VisuallyHidden>
              </label>
            </th>
          ) : null}
          <th scope="col">{t('inbox.table.subject')}</th>
          <th scope="col">{t('inbox.table.patient')}</th>
          <th scope="col">{t('inbox.table.category')}</th>
          <th scope="col">{t('inbox.table.pool')}</th>
          <th scope="col">{t('inbox.table.assignee')}</th>
          <th scope="col">{t('inbox.table.lastActivity')}</th>
          <th scope="col">{t('inbox.table.answerTime')}</th>
        </tr>
      }
    >
      {items.map((item) => (
        <tr key={item.id} className={item.unread ? 'inbox-row--unread' : undefined}>
          {selection ? (
            <td className="inbox-select">
              <label className="inbox-select__label">
                <input
                  type="checkbox"
                  checked={selection.selected.has(item.id)}
                  onChange={(event) => selection.onToggle(item.id, event.target.checked)}
                />
                <VisuallyHidden>
                  {t('inbox.table.select', { subject: item.subject, name: item.patient.name })}
                </VisuallyHidden>
              </label>
            </td>
          ) : null}
          <th scope="row">
            <Link to={conversationPath(item.id)}>{item.subject}</Link>
            {item.unread ? (
              <>
                {' '}
                <StatusBadge tone="info">{t('inbox.unread')}</StatusBadge>
              </>
            ) : null}
            {item.status === 'closed' ? (
              <>
                {' '}
                <StatusBadge>{t('inbox.status.closed')}</StatusBadge>
              </>
            ) : null}
          </th>
          <td>
            {linkPatients ? (
              <Link to={patientPath(item.patient.id)}>{item.patient.name}</Link>
            ) : (
              item.patient.name
            )}
            <br />
            <span className="admin-muted">
              {t('inbox.mrn')} <span className="admin-mono">{item.patient.mrn}</span>
            </span>
          </td>
          <td>{t(`inbox.category.${item.category}`)}</td>
          <td>{item.pool.name}</td>
          <td>{item.assignee?.name ?? <span className="admin-muted">{t('inbox.nobody')}</span>}</td>
          <td className="admin-nowrap">
            <Time value={item.lastActivityAt} display="relative" now={now} />
          </td>
          <td>
            <AnswerClock item={item} now={now} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
