import { PassThrough } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { Principal } from '../../common/principal.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MessagingEvents, type MessagingEvent } from './message-events.js';
import { MessagingRepository } from './messaging.repository.js';
import { poolReader } from './messaging.rules.js';

/** A comment line every so often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;
/** How long a client waits before reconnecting after the stream ends. */
const RETRY_MS = 5_000;

function frame(event: string, data: Record<string, unknown>): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Server-sent event streams of messaging: a patient's (their own conversations, never
 * internal notes) and a staff member's (the pools they read). Events carry ids only; the
 * client refetches what they name. The first event, `ready`, says the stream is listening.
 * The stream does not count as activity: every few seconds it checks, without touching,
 * that its session is still signed in and not idle, and ends with `session-ended` when not
 * (the browser's reconnect then gets a 401).
 */
@Injectable()
export class MessagingStreams {
  constructor(
    private readonly events: MessagingEvents,
    private readonly repository: MessagingRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  forPatient(principal: Principal, patientId: string): Promise<PassThrough> {
    return this.open(
      principal,
      (event) => event.patientId === patientId && event.staffOnly !== true,
    );
  }

  async forStaff(principal: Principal): Promise<PassThrough> {
    const reader = poolReader(principal);
    const pools = new Set(await this.repository.readablePoolIds(reader));
    return this.open(principal, (event) => reader.everyPool || pools.has(event.poolId));
  }

  private async open(
    principal: Principal,
    wanted: (event: MessagingEvent) => boolean,
  ): Promise<PassThrough> {
    const stream = new PassThrough();
    const write = (text: string) => {
      if (!stream.writableEnded && !stream.destroyed) stream.write(text);
    };
    const unsubscribe = await this.events.subscribe((event) => {
      if (!wanted(event)) return;
      write(
        frame(event.type, {
          conversationId: event.conversationId,
          ...(event.messageId ? { messageId: event.messageId } : {}),
        }),
      );
    });
    const idleSeconds = this.config.sessionIdleMinutes * 60;
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const sessionCheck = setInterval(() => {
      void this.repository
        .sessionLive(principal.sessionIdHash, this.clock.now(), idleSeconds)
        .then((live) => {
          if (live) return;
          write(frame('session-ended', {}));
          stream.end();
        })
        .catch(() => undefined);
    }, this.config.messaging.streamSessionCheckSeconds * 1000);
    const stop = () => {
      clearInterval(keepAlive);
      clearInterval(sessionCheck);
      unsubscribe();
    };
    stream.once('close', stop);
    stream.once('finish', stop);
    write(`retry: ${RETRY_MS}\n\n`);
    write(frame('ready', {}));
    return stream;
  }
}
