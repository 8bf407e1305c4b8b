import { Outlet } from 'react-router';
import { Frame } from './Frame';

/** For pages seen before signing in: the portal name and the page, nothing else. */
export function PublicLayout() {
  return (
    <Frame>
      <Outlet />
    </Frame>
  );
}
