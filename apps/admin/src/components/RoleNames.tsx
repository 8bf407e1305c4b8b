import { useTranslation } from 'react-i18next';

/** Translation keys of the role names the API uses. */
const ROLE_LABEL_KEYS = {
  'front-desk': 'roles.frontDesk',
  nurse: 'roles.nurse',
  provider: 'roles.provider',
  billing: 'roles.billing',
  admin: 'roles.admin',
} as const;

export const STAFF_ROLES = Object.keys(ROLE_LABEL_KEYS) as (keyof typeof ROLE_LABEL_KEYS)[];

function hasLabel(role: string): role is keyof typeof ROLE_LABEL_KEYS {
  return Object.hasOwn(ROLE_LABEL_KEYS, role);
}

/** Readable role names; an unknown role is shown as the API spells it. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (hasLabel(role) ? t(ROLE_LABEL_KEYS[role]) : role);
}

/** "Nurse, Front desk" for a table cell. */
export function RoleNames({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const label = useRoleLabel();
  return <>{roles.length ? roles.map(label).join(', ') : t('sections.noRoles')}</>;
}
