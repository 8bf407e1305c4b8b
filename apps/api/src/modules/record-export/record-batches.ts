import type { DataSource, QueryRunner } from 'typeorm';

/** Rows fetched per round trip when a whole record is written out. */
export const BATCH_SIZE = 2000;

/**
 * One read-only snapshot of the database for a long export: every section of the document
 * sees the same state, and rows come through server-side cursors a batch at a time, so a
 * record of any size is never held in memory at once.
 */
export class RecordSnapshot {
  private cursors = 0;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(db: DataSource): Promise<RecordSnapshot> {
    const runner = db.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new RecordSnapshot(runner);
  }

  /** All rows of a query, batch by batch, through a cursor closed when the loop ends. */
  async *rows<T>(sql: string, params: unknown[] = []): AsyncGenerator<T[]> {
    const name = `record_export_${++this.cursors}`;
    await this.runner.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        const batch: T[] = await this.runner.query(`FETCH ${BATCH_SIZE} FROM ${name}`);
        if (batch.length) yield batch;
        if (batch.length < BATCH_SIZE) return;
      }
    } finally {
      await this.runner.query(`CLOSE ${name}`);
    }
  }

  /** Every row of a small query at once. */
  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.runner.query(sql, params)) as T[];
  }

  async close(): Promise<void> {
    try {
      await this.runner.query('COMMIT');
    } finally {
      await this.runner.release();
    }
  }
}
