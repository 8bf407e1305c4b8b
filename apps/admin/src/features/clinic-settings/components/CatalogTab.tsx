import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { QueryView, type ViewedQuery } from '../../../components/QueryView';
import { RowLink } from '../../../components/RowAction';
import { ActiveBadge } from './ActiveBadge';
import { ActiveToggle } from './ActiveToggle';
import type { CatalogSection } from './CatalogFormStates';
import { SettingsResultMessage } from './SettingsResultMessage';
import { useSettingsResult } from '../utils/result';

interface CatalogItem {
  id: string;
  active: boolean;
}

export interface CatalogTabProps<T extends CatalogItem> {
  /** Which list: its texts are under `clinicSettings.<section>`. */
  section: CatalogSection;
  /** Prefix of the heading's and caption's ids. */
  idPrefix: string;
  query: ViewedQuery<T[]>;
  newPath: string;
  editPath: (id: string) => string;
  /** Headers of the columns `cells` fills; Status and Actions follow them. */
  columns: readonly string[];
  /** The row's header cell and the cells before its status. */
  cells: (item: T) => ReactNode;
  /** The entry's name, for its buttons and the messages about it. */
  nameOf: (item: T) => string;
  /** Sends the entry's new active state. */
  setActive: (item: T, active: boolean) => Promise<unknown>;
}

/**
 * One list of the clinic's catalog: an Add link, then a table whose rows can be edited, and
 * deactivated or activated at once (nothing is deleted); the outcome takes focus.
 */
export function CatalogTab<T extends CatalogItem>({
  section,
  idPrefix,
  query,
  newPath,
  editPath,
  columns,
  cells,
  nameOf,
  setActive,
}: CatalogTabProps<T>) {
  const { t } = useTranslation();
  const { result, report } = useSettingsResult();
  const headingId = `${idPrefix}-heading`;
  const captionId = `${idPrefix}-caption`;

  const toggle = async (item: T, active: boolean) => {
    const name = nameOf(item);
    try {
      await setActive(item, active);
      report({
        tone: 'success',
        text: active
          ? t(`clinicSettings.${section}.activated`, { name })
          : t(`clinicSettings.${section}.deactivated`, { name }),
      });
    } catch (error) {
      report({ tone: 'error', error });
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`clinicSettings.${section}.title`)}</h2>
      <div className="admin-page-actions">
        <Link className="ui-button ui-button--primary" to={newPath}>
          {t(`clinicSettings.${section}.add`)}
        </Link>
      </div>
      {result ? <SettingsResultMessage result={result.value} focusKey={result.key} /> : null}
      <QueryView
        query={query}
        loadingLabel={t(`clinicSettings.${section}.loading`)}
        empty={<p>{t(`clinicSettings.${section}.none`)}</p>}
      >
        {(items) => (
          <DataTable
            captionId={captionId}
            caption={t(`clinicSettings.${section}.caption`, { count: items.length })}
            columns={[
              ...columns,
              t('clinicSettings.columns.status'),
              t('clinicSettings.columns.actions'),
            ]}
          >
            {items.map((item) => (
              <tr key={item.id}>
                {cells(item)}
                <td>
                  <ActiveBadge active={item.active} />
                </td>
                <td>
                  <div className="admin-table__actions">
                    <RowLink
                      to={editPath(item.id)}
                      label={t('clinicSettings.actions.edit')}
                      name={nameOf(item)}
                    />
                    <ActiveToggle
                      active={item.active}
                      name={nameOf(item)}
                      onToggle={(active) => toggle(item, active)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </section>
  );
}
