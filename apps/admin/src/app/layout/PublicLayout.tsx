import { Outlet } from 'react-router';
import { Frame } from './Frame';

/** For pages seen before signing in: the portal name and one narrow column, nothing else. */
export function PublicLayout() {
  return (
    <Frame>
      <div className="public-page">
        <Outlet />
      </div>
    </Frame>
  );
}
