import { handlers, noAppointmentsHandlers } from '@portal/api-mocks';
import { setupServer } from 'msw/node';

/**
 * One MSW server for the whole test run; tests add their own handlers with server.use().
 * The home page asks for the next appointment, so by default nobody has any.
 */
export const server = setupServer(...handlers, ...noAppointmentsHandlers);
