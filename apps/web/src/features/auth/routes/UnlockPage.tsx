export { UnlockPage } from '@portal/auth-ui';
