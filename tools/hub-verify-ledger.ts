/**
 * `hub verify-ledger`: recomputes the console's event ledger against its signed checkpoints and names the first
 * entry or checkpoint that does not match; exit 0 when all match, 1 when not, 2 for a usage mistake.
 *   hub verify-ledger [--from N] [--to N]        from PostgreSQL (DATABASE_URL or --database-url, schema console)
 *   hub verify-ledger --file EXPORT.json          an export (the console's 存证链 page, GET /v1/console/ledger/export),
 *                                                 offline: nothing but the file and the ledger's public key
 * The public key: --public-key FILE (SPKI PEM), else LEDGER_PUBLIC_KEY, else (development) .hub/ledger-keys.json.
 * Never the key inside the export: whoever could rewrite the ledger could put their own key there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { hubPaths } from '@hub/infra';
import { LedgerStore, LedgerVerification, ledgerKeyId, parseLedgerExport, verifyLedger } from '@hub/ledger';

export const VERIFY_LEDGER_USAGE = `usage:
  hub verify-ledger [--from N] [--to N] [--database-url URL] [--schema console] [--public-key FILE] [--json]
  hub verify-ledger --file EXPORT.json [--public-key FILE] [--json]`;

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hub';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function verifyLedgerCommand(argv: string[], env: NodeJS.ProcessEnv, io: Output = STDIO): Promise<number> {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'database-url': { type: 'string' },
        schema: { type: 'string' },
        'public-key': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
    const publicKey = readPublicKey(flags['public-key'] as string | undefined, env);
    const result = flags.file
      ? verifyExport(flags.file as string, publicKey, io)
      : await verifyDatabase(flags, env, publicKey);
    report(result, ledgerKeyId(publicKey), flags.json === true, io);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) {
      io.err(`hub verify-ledger: ${(error as Error).message}\n${VERIFY_LEDGER_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}

function readPublicKey(file: string | undefined, env: NodeJS.ProcessEnv): string {
  if (file) {
    if (!existsSync(file)) throw new UsageError(`--public-key: ${file} does not exist`);
    return readFileSync(file, 'utf8');
  }
  if (env.LEDGER_PUBLIC_KEY) return env.LEDGER_PUBLIC_KEY.replace(/\\n/g, '\n');
  const local = hubPaths().ledgerKeys;
  if (existsSync(local)) return (JSON.parse(readFileSync(local, 'utf8')) as { publicKey: string }).publicKey;
  throw new UsageError('no ledger public key: pass --public-key FILE or set LEDGER_PUBLIC_KEY');
}

function verifyExport(file: string, publicKey: string, io: Output): LedgerVerification {
  if (!existsSync(file)) throw new UsageError(`--file: ${file} does not exist`);
  const exported = parseLedgerExport(readFileSync(file, 'utf8'));
  if (exported.publicKey.trim() !== publicKey.trim())
    io.err('note: the export names another public key than the one given; verifying with the one given\n');
  return verifyLedger({
    entries: exported.entries,
    checkpoints: exported.checkpoints,
    anchor: exported.anchor ?? undefined,
    publicKey,
  });
}

async function verifyDatabase(
  flags: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
  publicKey: string,
): Promise<LedgerVerification> {
  const from = entryNumber(flags.from, '--from') ?? 1;
  const to = entryNumber(flags.to, '--to');
  const schema = (flags.schema as string | undefined) ?? 'console';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new UsageError('--schema must be a plain schema name');
  const client = new Client({
    connectionString: (flags['database-url'] as string | undefined) ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  });
  await client.connect();
  try {
    const store = new LedgerStore(async (sql, params) => (await client.query(sql, params)).rows, schema);
    return await store.verify(publicKey, from, to);
  } finally {
    await client.end();
  }
}

function entryNumber(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value))
    throw new UsageError(`${flag} must be an entry number (1, 2, …)`);
  return Number(value);
}

function report(result: LedgerVerification, keyId: string, json: boolean, io: Output): void {
  if (json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  io.out(
    `entries ${result.from}..${result.to}: ${result.entriesChecked} checked against ${result.checkpointsChecked} checkpoint(s) of key ${keyId}\n`,
  );
  if (result.ok) {
    io.out(
      `OK: pinned by signed checkpoints up to entry ${result.verifiedUpTo}; ${result.unpinned} after it not yet pinned\n`,
    );
    return;
  }
  io.out(`FAILED: ${result.problems[0].message}\n`);
  for (const problem of result.problems.slice(1)) io.out(`  also: ${problem.message}\n`);
}
