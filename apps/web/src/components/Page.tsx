// One page component for both apps (title, heading, focus on arrival), shared by the sign-in pages too.
export { Page, type PageProps } from '@portal/auth-ui';
