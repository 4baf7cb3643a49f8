import { LedgerCheckpoint } from './checkpoint';
import { LedgerEntry } from './ledger-hashes';

export const LEDGER_EXPORT_FORMAT = 'hub-ledger-export/v1';

/**
 * A range of the ledger with what pins it: the checkpoint it starts after (none from the start), the entries, and
 * every checkpoint up to the first one at or past the range's end, so that the last entries are pinned too. The
 * public key is there to be compared with the one the auditor holds, never trusted for itself.
 */
export interface LedgerExport {
  format: typeof LEDGER_EXPORT_FORMAT;
  exportedAt: string;
  /** The ledger's size when exported. */
  size: number;
  anchor: LedgerCheckpoint | null;
  entries: LedgerEntry[];
  checkpoints: LedgerCheckpoint[];
  publicKey: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads an export, naming the first field that is not as the format says. */
export function parseLedgerExport(text: string): LedgerExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`the export is not JSON: ${(error as Error).message}`);
  }
  const doc = object(value, 'the export');
  if (doc.format !== LEDGER_EXPORT_FORMAT) throw new TypeError(`format: must be "${LEDGER_EXPORT_FORMAT}"`);
  if (!Array.isArray(doc.entries)) throw new TypeError('entries: must be an array');
  if (!Array.isArray(doc.checkpoints)) throw new TypeError('checkpoints: must be an array');
  doc.entries.forEach((e, i) => entry(e, `entries[${i}]`));
  doc.checkpoints.forEach((c, i) => checkpoint(c, `checkpoints[${i}]`));
  if (doc.anchor !== null && doc.anchor !== undefined) checkpoint(doc.anchor, 'anchor');
  if (typeof doc.size !== 'number' || !Number.isSafeInteger(doc.size)) throw new TypeError('size: must be an integer');
  return { ...(doc as unknown as LedgerExport), anchor: (doc.anchor as LedgerCheckpoint | undefined) ?? null };
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${what}: must be an object`);
  return value as Record<string, unknown>;
}

function entry(value: unknown, at: string): void {
  const e = object(value, at);
  integer(e.seq, `${at}.seq`, 1);
  integer(e.partition, `${at}.partition`, 0);
  text(e.topic, `${at}.topic`);
  if (typeof e.offset !== 'string' || !/^\d{1,19}$/.test(e.offset)) throw new TypeError(`${at}.offset: must be digits`);
  if (e.eventId !== null) text(e.eventId, `${at}.eventId`);
  for (const field of ['valueSha256', 'prevHash', 'hash'])
    if (typeof e[field] !== 'string' || !HEX64.test(e[field] as string))
      throw new TypeError(`${at}.${field}: must be 64 lower-case hex digits`);
}

function checkpoint(value: unknown, at: string): void {
  const c = object(value, at);
  integer(c.size, `${at}.size`, 1);
  for (const field of ['rootHash', 'chainHead'])
    if (typeof c[field] !== 'string' || !HEX64.test(c[field] as string))
      throw new TypeError(`${at}.${field}: must be 64 lower-case hex digits`);
  for (const field of ['issuedAt', 'keyId', 'signature']) text(c[field], `${at}.${field}`);
  if (!Array.isArray(c.frontier) || c.frontier.some((h) => typeof h !== 'string' || !HEX64.test(h)))
    throw new TypeError(`${at}.frontier: must be an array of 64-hex-digit hashes`);
}

function integer(value: unknown, at: string, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new TypeError(`${at}: must be an integer of at least ${min}`);
}

function text(value: unknown, at: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${at}: must be a non-empty string`);
}
