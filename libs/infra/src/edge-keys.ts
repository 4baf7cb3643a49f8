import { generateKeyPairSync } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hubPaths } from './hub-paths';

/** The edge's Ed25519 key pair: the gateway signs assertions with the private key, the apps check them. */
export interface EdgeKeys {
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  /** SPKI PEM. */
  readonly publicKey: string;
}

export function newEdgeKeys(): EdgeKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
}

/**
 * The local installation's edge keys (development and tests only): generated on first use into the git-ignored
 * `.hub/edge-keys.json` (owner-only) and kept. Apps start at once, so the file is created atomically: the first
 * writer's pair wins and every process reads that one.
 */
export function localEdgeKeys(file = hubPaths().edgeKeys): EdgeKeys {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EdgeKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(newEdgeKeys(), null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as EdgeKeys;
}

/** The local installation's event-ledger key pair (development and tests only), kept as the edge keys are. */
export function localLedgerKeys(file = hubPaths().ledgerKeys): EdgeKeys {
  return localEdgeKeys(file);
}
