import { Alert } from '@portal/ui';
import { useFlash } from '../lib/flash';

/** Shows the confirmation the previous page left in history state ("Patient registered"). */
export function FlashAlert() {
  const flash = useFlash();
  return flash ? <Alert tone="success">{flash}</Alert> : null;
}
