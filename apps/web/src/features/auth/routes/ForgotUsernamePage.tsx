export { ForgotUsernamePage } from '@portal/auth-ui';
