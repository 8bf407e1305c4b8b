export {
  activeSessionFactory,
  nextId,
  passwordProblems,
  problemFactory,
  problems,
  recoveryCodesFactory,
  securitySettingsFactory,
  sessionFactory,
  staffSessionFactory,
  type ActiveSession,
  type SecuritySettings,
  type SessionOverrides,
} from './factories';
export {
  apiPaths,
  createAccountBackend,
  createAuthBackend,
  createRecoveryBackend,
  handlers,
  healthHandlers,
  mockAuthOffline,
  mockLoginProblem,
  mockLoginThrottled,
  mockSignedIn,
  mockSignedOut,
  problemResponse,
  type AccountBackend,
  type AccountBackendOptions,
  type AccountBackendState,
  type AuthBackend,
  type AuthBackendOptions,
  type AuthBackendState,
  type MockAccount,
  type RecoveryBackend,
  type RecoveryBackendState,
} from './handlers';
export * from './schedule-factories';
export * from './records-handlers';
export * from './record-factories';
export * from './messaging-settings-factories';
export * from './message-factories';
export * from './inbox-factories';
export * from './refill-factories';
export * from './refill-queue-factories';
