import pg from 'pg';
import { verifyAuditChain, type ChainCheckpoint } from '../modules/audit/audit-chain.js';
import { Refusal, readOptions, runCommand } from './command.js';

const USAGE = `Verifies the audit trail's hash chain and names the first row that does not fit.

Usage:
  npm run verify-audit -w @portal/api
  npm run verify-audit -w @portal/api -- --from <position> --prev-hash <hex>

With no options, checks every link of the chain from the first, and that every audit row old
enough to be linked has its link. From a checkpoint (the position after the last verified link
and that link's hash, as printed by an earlier run or kept with an export), checks only the
links since. Runs against the configured database (DATABASE_URL, or the embedded one).

Exit codes: 0 the chain is intact, 1 it is broken (or the check could not run), 2 bad arguments.
`;

function readArguments(argv: string[]): ChainCheckpoint {
  const values = readOptions(argv, ['from', 'prev-hash'], USAGE);
  const from = values.from ?? '1';
  if (!/^[1-9]\d{0,18}$/.test(from)) throw new Refusal('--from must be a position ≥ 1.\n');
  const prevHash = values['prev-hash'];
  if (prevHash !== undefined && !/^[0-9a-f]{64}$/i.test(prevHash)) {
    throw new Refusal('--prev-hash must be 64 hexadecimal digits (a sha-256 hash).\n');
  }
  if (from !== '1' && prevHash === undefined) {
    throw new Refusal(
      '--from needs --prev-hash (the hash of the link before it), or the links since are unanchored.\n',
    );
  }
  return {
    fromPosition: BigInt(from),
    ...(prevHash ? { prevHash: Buffer.from(prevHash, 'hex') } : {}),
  };
}

runCommand('verify-audit', {
  readArguments,
  application: false,
  async run(checkpoint, { runtime }) {
    const db = new pg.Client({ connectionString: runtime.config.databaseUrl! });
    await db.connect();
    try {
      const verdict = await verifyAuditChain(
        async <Row>(sql: string, parameters: unknown[]) =>
          (await db.query(sql, parameters)).rows as Row[],
        checkpoint,
      );
      if (verdict.intact) {
        const pending = verdict.pending
          ? `${verdict.pending} newer rows are waiting to be linked (within seconds while the API runs).\n`
          : '';
        process.stdout.write(
          (verdict.head
            ? `The audit chain is intact: ${verdict.checked} links checked, up to position ${verdict.head.position}.\n` +
              `Checkpoint for the next run: --from ${BigInt(verdict.head.position) + 1n} --prev-hash ${verdict.head.hash}\n`
            : 'The audit chain is intact: no links since the checkpoint.\n') + pending,
        );
        return 0;
      }
      const { position, eventId, problem } = verdict.broken;
      process.stdout.write(
        `The audit chain is BROKEN ${position ? `at position ${position}` : 'outside the chain'} ` +
          `(audit_event id ${eventId}): ${problem}.\n` +
          `${verdict.checked} links before it were intact.\n`,
      );
      return 1;
    } finally {
      await db.end().catch(() => undefined);
    }
  },
});
