import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MIGRATIONS } from './migrations/index.js';
import { QueryCountingLogger, registerQueryCountHeader } from './query-count.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Any fixed number: every API process takes this lock before migrating, so two
// processes starting together never run the same migration twice.
const MIGRATION_LOCK_ID = 7_310_042;

type PostgresConnectionOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * The role every application statement runs as (created by the AuditChain migration): not
 * the tables' owner and never a superuser, so the grants hold, e.g. INSERT and SELECT only on
 * audit_event. Set as a connection start-up parameter: no extra round trip, and in place
 * before the first statement of every pooled connection.
 */
export const APP_DATABASE_ROLE = 'portal_app';

/**
 * The same database, with connections that run as the application role (`-c role=portal_app`
 * added to any start-up options the address has). In the address, not the pool options: pg
 * lets the address's own `options` win over the pool's.
 */
export function applicationRoleUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const given = url.searchParams.get('options');
  url.searchParams.set(
    'options',
    [given, `-c role=${APP_DATABASE_ROLE}`].filter(Boolean).join(' '),
  );
  return url.toString();
}

export function dataSourceOptions(databaseUrl: string): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}

/**
 * Migrations run as the connecting user (the tables' owner), on a connection of their own
 * that is closed before the application's pool, which runs as APP_DATABASE_ROLE, opens.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const options = dataSourceOptions(databaseUrl);
  // Two connections: one holds the migration lock while the other migrates.
  const dataSource = await new DataSource({ ...options, extra: { max: 2 } }).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Refuses to serve when the grants would not hold: the pool must run as APP_DATABASE_ROLE. */
async function assertApplicationRole(dataSource: DataSource): Promise<void> {
  const [row] = (await dataSource.query('SELECT current_user AS role')) as { role: string }[];
  if (row?.role !== APP_DATABASE_ROLE) {
    await dataSource.destroy();
    throw new Error(`database statements run as ${row?.role}, not ${APP_DATABASE_ROLE}`);
  }
}

export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** In tests, each HTTP response says how many SQL statements it cost (X-Query-Count). */
@Injectable()
class QueryCountHeader implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // No HTTP server in the worker entrypoint; and only tests need the header.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && this.config.env === 'test') registerQueryCountHeader(fastify);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        return {
          ...dataSourceOptions(config.databaseUrl!),
          autoLoadEntities: true,
          logger: new QueryCountingLogger(),
        };
      },
      dataSourceFactory: async (options) => {
        const url = (options as PostgresConnectionOptions).url!;
        await migrateDatabase(url);
        const dataSource = await new DataSource({
          ...(options as PostgresConnectionOptions),
          url: applicationRoleUrl(url),
        }).initialize();
        await assertApplicationRole(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [QueryCountHeader],
})
export class DatabaseModule {}
