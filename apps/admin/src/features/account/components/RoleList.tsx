import { useTranslation } from 'react-i18next';

/** Labels for the role names the API uses; an unknown role is shown as the API spells it. */
const ROLE_LABEL_KEYS = {
  'front-desk': 'roles.frontDesk',
  nurse: 'roles.nurse',
  provider: 'roles.provider',
  billing: 'roles.billing',
  admin: 'roles.admin',
} as const;

function hasLabel(role: string): role is keyof typeof ROLE_LABEL_KEYS {
  return Object.hasOwn(ROLE_LABEL_KEYS, role);
}

export function RoleList({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) {
    return <>{t('home.noRoles')}</>;
  }
  return (
    <ul className="role-list">
      {roles.map((role) => (
        <li key={role}>{hasLabel(role) ? t(ROLE_LABEL_KEYS[role]) : role}</li>
      ))}
    </ul>
  );
}
