import { Outlet, useOutletContext } from 'react-router';
import { NoAccessMessage, NoAccessPage } from '../../components/NoAccess';
import { useCanUse, type Section } from '../../lib/access';

export interface RequireRoleProps {
  section: Section;
  /** Inside a page that already has its heading (a record tab): a message, not a page. */
  inline?: boolean;
}

/**
 * Lets through staff whose role may use the section; others get a plain "You don't have
 * access" instead of a page whose every call would be refused. Whatever the layout above
 * hands its pages (the open patient record) is passed on unchanged.
 */
export function RequireRole({ section, inline = false }: RequireRoleProps) {
  const context = useOutletContext();
  if (useCanUse(section)) {
    return <Outlet context={context} />;
  }
  return inline ? <NoAccessMessage /> : <NoAccessPage />;
}
