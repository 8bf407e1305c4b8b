import { SecurityPage as SharedSecurityPage } from '@portal/auth-ui';
import { AccountNav } from '../components/AccountNav';

/** Password and the second sign-in step (shared with the other app), below this app's account navigation. */
export function SecurityPage() {
  return <SharedSecurityPage nav={<AccountNav />} />;
}
