import { handlers } from '@portal/api-mocks';
import { setupServer } from 'msw/node';

/** One MSW server for the whole test run; tests add their own handlers with server.use(). */
export const server = setupServer(...handlers);
