export {
  nextId,
  problemFactory,
  problems,
  sessionFactory,
  staffSessionFactory,
  type SessionOverrides,
} from './factories';
export {
  apiPaths,
  createAuthBackend,
  handlers,
  healthHandlers,
  mockAuthOffline,
  mockLoginProblem,
  mockSignedIn,
  mockSignedOut,
  problemResponse,
  type AuthBackend,
  type AuthBackendState,
  type MockAccount,
} from './handlers';
