// Imported lazily by RequireSession, so the idle logoff's code is a chunk of its own (a dynamic
// import of the @portal/auth-ui barrel itself would put the whole package in the first download).
export { IdleTimeout } from '@portal/auth-ui';
