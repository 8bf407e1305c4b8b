import { emptyRecordHandlers, handlers, noAppointmentsHandlers } from '@portal/api-mocks';
import { setupServer } from 'msw/node';

/**
 * One MSW server for the whole test run; tests add their own handlers with server.use().
 * The home page asks for the next appointment and the count of new results, so by default
 * nobody has any appointments and every record is empty.
 */
export const server = setupServer(...handlers, ...noAppointmentsHandlers, ...emptyRecordHandlers);
