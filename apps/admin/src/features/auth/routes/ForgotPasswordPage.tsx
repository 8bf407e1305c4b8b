export { ForgotPasswordPage } from '@portal/auth-ui';
