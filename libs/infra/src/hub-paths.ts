import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the local infrastructure keeps its files: everything runtime lives under `.hub/` (git-ignored). */
export interface HubPaths {
  readonly root: string;
  readonly kafka: {
    readonly pom: string;
    readonly log4j: string;
    readonly home: string;
    readonly lib: string;
    readonly libStamp: string;
    readonly data: string;
    readonly properties: string;
    readonly log: string;
    /** The log of the run before, kept at each start: a restart must not erase how the last run stopped. */
    readonly previousLog: string;
    readonly pid: string;
    /** Every principal's SASL credentials, generated on the first start (readable by the owner only). */
    readonly credentials: string;
  };
  readonly postgres: {
    readonly data: string;
    readonly log: string;
  };
  /** The edge's key pair for development and tests (see edge-keys.ts). */
  readonly edgeKeys: string;
  /** The event ledger's signing key pair for development and tests (see edge-keys.ts). */
  readonly ledgerKeys: string;
}

const MARKER = join('infra', 'kafka', 'pom.xml');

let cached: HubPaths | undefined;

export function hubPaths(): HubPaths {
  cached ??= pathsUnder(findRepoRoot());
  return cached;
}

export function pathsUnder(root: string): HubPaths {
  const hub = join(root, '.hub');
  const kafka = join(hub, 'kafka');
  return {
    root,
    kafka: {
      pom: join(root, 'infra', 'kafka', 'pom.xml'),
      log4j: join(root, 'infra', 'kafka', 'log4j2.properties'),
      home: kafka,
      lib: join(kafka, 'lib'),
      libStamp: join(kafka, 'lib', '.complete'),
      data: join(kafka, 'data'),
      properties: join(kafka, 'server.properties'),
      log: join(kafka, 'kafka.log'),
      previousLog: join(kafka, 'kafka.previous.log'),
      pid: join(kafka, 'kafka.pid'),
      credentials: join(kafka, 'credentials.json'),
    },
    postgres: {
      data: join(hub, 'pg'),
      log: join(hub, 'pg.log'),
    },
    edgeKeys: join(hub, 'edge-keys.json'),
    ledgerKeys: join(hub, 'ledger-keys.json'),
  };
}

// Works from the sources (ts-jest) and from the compiled dist/ alike.
function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, MARKER))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(
    `Cannot find the repository root (a folder holding ${MARKER}) above ${__dirname} or ${process.cwd()}`,
  );
}
