import { SecurityPage as SharedSecurityPage } from '@portal/auth-ui';
import { AccountDetails } from '../components/AccountDetails';
import { AccountNav } from '../components/AccountNav';

/**
 * Who is signed in (name, username, roles, until when), then password and the second sign-in
 * step (shared with the other app), below this app's account navigation.
 */
export function SecurityPage() {
  return (
    <SharedSecurityPage
      nav={
        <>
          <AccountNav />
          <AccountDetails />
        </>
      }
    />
  );
}
