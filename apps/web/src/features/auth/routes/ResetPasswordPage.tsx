export { ResetPasswordPage } from '@portal/auth-ui';
