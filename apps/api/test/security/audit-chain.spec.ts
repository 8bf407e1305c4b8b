import type { AuditAction } from '../../src/modules/audit/audit.service.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { applicationRoleUrl } from '../../src/infra/database/database.module.js';
import { newId } from '../../src/infra/database/ids.js';
import { verifyAuditChain, type ChainCheckpoint } from '../../src/modules/audit/audit-chain.js';
import { AuditChainService } from '../../src/modules/audit/audit-chain.service.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The audit trail is append-only for the application's own database role (grants, not only a
 * trigger), and tamper-evident for everyone else: each row is hash-chained to the one before,
 * and the verifier names the first row that does not fit.
 */
describe('audit trail: append-only role and hash chain', () => {
  let testApp: TestApp;
  let db: DataSource;
  let audit: AuditService;
  let chain: AuditChainService;
  /** The connecting user of the test database: a superuser, as in CI and the embedded default. */
  let superuser: pg.Client;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(getDataSourceToken());
    audit = testApp.app.get(AuditService);
    chain = testApp.app.get(AuditChainService);
    superuser = new pg.Client({ connectionString: testApp.config.databaseUrl! });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser?.end();
    await testApp?.close();
  });

  const verify = (checkpoint?: ChainCheckpoint) =>
    verifyAuditChain(
      async <Row>(sql: string, parameters: unknown[]) =>
        (await superuser.query(sql, parameters)).rows as Row[],
      checkpoint,
    );

  /**
   * Links rows until these are in the chain. A row is linked once every transaction that was
   * running when it was written has ended, anywhere in the cluster: usually the first call.
   */
  async function linkRows(requestId: string, expected: number) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await chain.extend();
      const [{ linked }] = (
        await superuser.query<{ linked: number }>(
          `SELECT count(*)::int AS linked FROM audit_event e JOIN audit_chain c ON c.event_id = e.id
            WHERE e.request_id = $1`,
          [requestId],
        )
      ).rows as [{ linked: number }];
      if (linked === expected) return;
      if (Date.now() > deadline) throw new Error(`only ${linked} of ${expected} rows linked`);
    }
  }

  /** A fresh row through the application, linked, and the checkpoint just before its link. */
  async function checkpointedRow(action: AuditAction = 'test.chain' as AuditAction) {
    const requestId = `chain-${newId()}`;
    await audit.record({
      action,
      outcome: 'success',
      resourceId: 'ünïcode ✓ 𝄞 "quoted" | 3:x -',
      context: { requestId, ip: '10.0.0.9', userAgent: 'Agent/1.0 (ç)' },
    });
    await linkRows(requestId, 1);
    const [row] = (
      await superuser.query<{ id: string; position: string; prev_hash: Buffer }>(
        `SELECT e.id, c.position::text AS position, c.prev_hash
           FROM audit_event e JOIN audit_chain c ON c.event_id = e.id WHERE e.request_id = $1`,
        [requestId],
      )
    ).rows;
    return {
      row: row!,
      checkpoint: { fromPosition: BigInt(row!.position), prevHash: row!.prev_hash },
    };
  }

  it('links new rows on its own timer in every process that has one', async () => {
    const timed = await startTestApp({ AUDIT_CHAIN_INTERVAL_MS: '20' });
    try {
      const requestId = `chain-timer-${newId()}`;
      await timed.app.get(AuditService).record({
        action: 'test.chain' as AuditAction,
        outcome: 'success',
        context: { requestId, ip: '10.0.0.9', userAgent: 'Agent/1.0' },
      });
      // Nobody calls extend() here: only the timer can link the row.
      const deadline = Date.now() + 20_000;
      let linked = 0;
      while (linked === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        [{ linked }] = (
          await superuser.query<{ linked: number }>(
            `SELECT count(*)::int AS linked FROM audit_event e
               JOIN audit_chain c ON c.event_id = e.id WHERE e.request_id = $1`,
            [requestId],
          )
        ).rows as [{ linked: number }];
      }
      expect(linked).toBe(1);
    } finally {
      await timed.close();
    }
  });

  it("runs the application's statements as portal_app, which may not change or remove audit rows", async () => {
    expect(await db.query('SELECT current_user AS role')).toEqual([{ role: 'portal_app' }]);
    const { row } = await checkpointedRow();
    for (const statement of [
      `UPDATE audit_event SET outcome = 'denied' WHERE id = $1`,
      `DELETE FROM audit_event WHERE id = $1`,
    ]) {
      await expect(db.query(statement, [row.id])).rejects.toThrow(
        /permission denied for table audit_event/,
      );
    }
    await expect(db.query('TRUNCATE audit_event')).rejects.toThrow(/permission denied/);
    await expect(db.query('ALTER TABLE audit_event DISABLE TRIGGER ALL')).rejects.toThrow(
      /must be owner/,
    );
    await expect(db.query(`SET session_replication_role = replica`)).rejects.toThrow(
      /permission denied/,
    );
    // The chain is the database's: no link written, changed or removed by hand, and no row
    // placed in it out of turn (seq and txid come from defaults the application cannot set).
    await expect(
      db.query(`INSERT INTO audit_chain VALUES (999999999, $1, '\\x00', '\\x00', '1')`, [row.id]),
    ).rejects.toThrow(/permission denied for table audit_chain/);
    await expect(db.query(`DELETE FROM audit_chain WHERE event_id = $1`, [row.id])).rejects.toThrow(
      /permission denied for table audit_chain/,
    );
    await expect(
      db.query(
        `INSERT INTO audit_event (id, occurred_at, action, outcome, txid) VALUES ($1, now(), 'test.forged', 'success', '1')`,
        [newId()],
      ),
    ).rejects.toThrow(/permission denied for table audit_event/);
    await expect(db.query(`SELECT setval('audit_event_seq', 1)`)).rejects.toThrow(
      /permission denied for sequence audit_event_seq/,
    );
  });

  it('verifies an intact chain from the start and from a checkpoint', async () => {
    const { checkpoint } = await checkpointedRow();
    await checkpointedRow();
    const fromCheckpoint = await verify(checkpoint);
    expect(fromCheckpoint).toMatchObject({ intact: true });
    expect(fromCheckpoint.checked).toBeGreaterThanOrEqual(2);

    const whole = await verify();
    expect(whole).toMatchObject({ intact: true });
    if (whole.intact) {
      expect(BigInt(whole.head!.position)).toBeGreaterThan(checkpoint.fromPosition);
    }

    // A checkpoint from elsewhere (the hash of another link) does not anchor this one.
    const wrong = await verify({
      fromPosition: checkpoint.fromPosition,
      prevHash: Buffer.alloc(32, 1),
    });
    expect(wrong).toMatchObject({
      intact: false,
      broken: {
        position: checkpoint.fromPosition.toString(),
        problem: expect.stringMatching(/prev_hash/),
      },
    });
  });

  it('names the first row a superuser altered, and a row a superuser removed', async () => {
    const { checkpoint } = await checkpointedRow();
    const { row: target } = await checkpointedRow();
    await checkpointedRow();
    const saved = `saved_${target.position}`;
    await superuser.query(
      `CREATE TEMP TABLE ${saved} AS SELECT * FROM audit_event WHERE id = '${target.id}'`,
    );
    // Outside the grants and past the trigger: what only the database's owner could do.
    const asOwner = async (sql: string, parameters: unknown[]) => {
      await superuser.query('BEGIN');
      try {
        await superuser.query('SET LOCAL session_replication_role = replica');
        await superuser.query(sql, parameters);
        await superuser.query('COMMIT');
      } catch (error) {
        await superuser.query('ROLLBACK');
        throw error;
      }
    };
    const restore = async () => {
      await asOwner(`DELETE FROM audit_event WHERE id = $1`, [target.id]);
      await asOwner(`INSERT INTO audit_event SELECT * FROM ${saved}`, []);
    };
    try {
      await asOwner(`UPDATE audit_event SET outcome = 'denied' WHERE id = $1`, [target.id]);
      expect(await verify(checkpoint)).toEqual({
        intact: false,
        checked: 1,
        broken: {
          position: target.position,
          eventId: target.id,
          problem: 'the audit row does not match its hash',
        },
      });
      await restore();
      expect(await verify(checkpoint)).toMatchObject({ intact: true });

      await asOwner(`DELETE FROM audit_event WHERE id = $1`, [target.id]);
      expect(await verify(checkpoint)).toEqual({
        intact: false,
        checked: 1,
        broken: { position: target.position, eventId: target.id, problem: 'its audit row is gone' },
      });
    } finally {
      await restore();
    }
    expect(await verify(checkpoint)).toMatchObject({ intact: true });
  });

  it('stays one unbroken line under concurrent inserts from many connections', async () => {
    const { checkpoint } = await checkpointedRow();
    // Three "API processes": the application's pool and two more pools as portal_app.
    const pools = [1, 2].map(
      () =>
        new pg.Pool({ connectionString: applicationRoleUrl(testApp.config.databaseUrl!), max: 8 }),
    );
    const requestId = `concurrent-${newId()}`;
    try {
      const inserts = Array.from({ length: 240 }, (_, index) => {
        const pool = index % 3 === 0 ? null : pools[index % 3 === 1 ? 0 : 1]!;
        if (!pool) {
          return audit.record({
            action: 'test.concurrent' as AuditAction,
            outcome: 'success',
            resourceId: String(index),
            context: { requestId, ip: '10.0.0.8', userAgent: null },
          });
        }
        // A transaction that does more after its audit row holds the chain until it commits.
        return (async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO audit_event (id, occurred_at, action, outcome, resource_id, request_id)
               VALUES ($1, now(), 'test.concurrent', 'success', $2, $3)`,
              [newId(), String(index), requestId],
            );
            await client.query('SELECT count(*) FROM audit_event WHERE request_id = $1', [
              requestId,
            ]);
            // ... while other processes extend the chain.
            if (index % 10 === 1) await client.query('SELECT audit_chain_extend()');
            await client.query(index % 7 === 0 ? 'ROLLBACK' : 'COMMIT');
          } finally {
            client.release();
          }
        })();
      });
      await Promise.all(inserts);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    const rolledBack = Array.from({ length: 240 }, (_, i) => i).filter(
      (i) => i % 3 !== 0 && i % 7 === 0,
    ).length;
    await linkRows(requestId, 240 - rolledBack);
    const verdict = await verify(checkpoint);
    expect(verdict).toMatchObject({ intact: true });
    expect(verdict.checked).toBeGreaterThanOrEqual(240 - rolledBack);
  });
});
