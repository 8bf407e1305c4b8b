import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { PoolClient, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/** What changed, by id only: the client refetches. Never a body, subject or name. */
export interface MessagingEvent {
  type: 'message' | 'conversation';
  conversationId: string;
  patientId: string;
  poolId: string;
  /** The new message, for type message; absent for changes of state (assign, close, move). */
  messageId?: string;
  /** Internal notes are told to staff streams only. */
  staffOnly?: boolean;
}

const CHANNEL = 'portal_messaging';

function isEvent(value: unknown): value is MessagingEvent {
  const event = value as Partial<MessagingEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    (event.type === 'message' || event.type === 'conversation') &&
    typeof event.conversationId === 'string' &&
    typeof event.patientId === 'string' &&
    typeof event.poolId === 'string'
  );
}

type Listener = (event: MessagingEvent) => void;

/**
 * Messaging events across every API process: Redis pub/sub when REDIS_URL is set (the
 * production shape), PostgreSQL LISTEN/NOTIFY otherwise (the embedded default). Each process
 * listens on one connection, opened at the first subscriber, and fans events out to its
 * open streams.
 */
@Injectable()
export class MessagingEvents implements OnModuleDestroy {
  private readonly logger = new Logger('messaging-events');
  private readonly listeners = new Set<Listener>();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private pgListener: PoolClient | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get backend(): 'redis' | 'postgres' {
    return this.config.redisUrl ? 'redis' : 'postgres';
  }

  /** Tells every process; never throws (a lost event costs a refetch, not a message). */
  async publish(event: MessagingEvent): Promise<void> {
    const text = JSON.stringify(event);
    try {
      if (this.config.redisUrl) {
        this.publisher ??= new Redis(this.config.redisUrl, { lazyConnect: false });
        await this.publisher.publish(CHANNEL, text);
      } else {
        await this.db.query(`SELECT pg_notify($1, $2)`, [CHANNEL, text]);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not publish a messaging event');
    }
  }

  /** Calls the listener for every event of every process; returns the unsubscribe. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    this.listening ??= this.listen().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    await this.listening;
    return () => this.listeners.delete(listener);
  }

  private dispatch(text: string): void {
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    if (!isEvent(event)) return;
    for (const listener of this.listeners) listener(event);
  }

  private async listen(): Promise<void> {
    if (this.config.redisUrl) {
      const subscriber = new Redis(this.config.redisUrl);
      this.subscriber = subscriber;
      subscriber.on('message', (_channel: string, text: string) => this.dispatch(text));
      subscriber.on('error', (error) => this.logger.warn({ err: error }, 'redis subscriber'));
      await subscriber.subscribe(CHANNEL);
      return;
    }
    // One pooled connection held for LISTEN; TypeORM's pg pool is the app's own.
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    this.pgListener = client;
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.dispatch(message.payload);
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'the LISTEN connection failed; listening again');
      this.pgListener = null;
      client.release(error);
      if (!this.closed) this.listening = this.listen().catch(() => undefined);
    });
    await client.query(`LISTEN ${CHANNEL}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await Promise.all([
      this.publisher?.quit().catch(() => undefined),
      this.subscriber?.quit().catch(() => undefined),
    ]);
    if (this.pgListener) {
      await this.pgListener.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      this.pgListener.release();
      this.pgListener = null;
    }
  }
}
