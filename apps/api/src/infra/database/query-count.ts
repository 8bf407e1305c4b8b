import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AdvancedConsoleLogger, type QueryRunner } from 'typeorm';

/** The SQL statements one HTTP request has issued so far. */
interface QueryTally {
  statements: number;
}

const currentTally = new AsyncLocalStorage<QueryTally>();

/**
 * TypeORM's default logger (which, with logging off, prints only slow queries and
 * migrations) that also counts every statement against the HTTP request it runs for.
 * Statements outside a request (jobs, start-up) are not counted anywhere.
 */
export class QueryCountingLogger extends AdvancedConsoleLogger {
  constructor() {
    super(false);
  }

  override logQuery(
    query: string,
    parameters?: Parameters<AdvancedConsoleLogger['logQuery']>[1],
    queryRunner?: QueryRunner,
  ): void {
    const tally = currentTally.getStore();
    if (tally) tally.statements += 1;
    super.logQuery(query, parameters, queryRunner);
  }
}

export const QUERY_COUNT_HEADER = 'x-query-count';

/**
 * Sends the number of SQL statements a request issued in the X-Query-Count header, so tests
 * can assert that a list costs the same number of queries whatever the data size.
 */
export function registerQueryCountHeader(fastify: FastifyInstance): void {
  const requests = new WeakMap<FastifyRequest, { tally: QueryTally; scope: AsyncResource }>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const tally: QueryTally = { statements: 0 };
    currentTally.run(tally, () => {
      requests.set(request, { tally, scope: new AsyncResource('query-count') });
      done();
    });
  });
  // A body that arrives over several socket reads finishes parsing in the socket's context,
  // not the one entered above: step back into it before validation and the handler run.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const entry = requests.get(request);
    if (entry) entry.scope.runInAsyncScope(done);
    else done();
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const entry = requests.get(request);
    if (entry) reply.header(QUERY_COUNT_HEADER, String(entry.tally.statements));
    return payload;
  });
}
