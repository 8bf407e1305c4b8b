export { SignInPage } from '@portal/auth-ui';
