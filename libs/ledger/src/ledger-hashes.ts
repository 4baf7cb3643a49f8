import { createHash } from 'node:crypto';

/** What one ledger entry records of an event, as Kafka holds it. */
export interface LedgerEntryFields {
  /** 1, 2, 3, … in the order the ledger appended the events (each partition's events in their Kafka order). */
  seq: number;
  topic: string;
  partition: number;
  /** The event's offset in its partition, as a decimal string. */
  offset: string;
  /** The CloudEvents `id`, when the record carries one. */
  eventId: string | null;
  /** SHA-256 of the record's value bytes, hex. */
  valueSha256: string;
}

/** An entry as stored and exported: its fields, the hash of the entry before it and its own. */
export interface LedgerEntry extends LedgerEntryFields {
  eventType: string | null;
  prevHash: string;
  hash: string;
}

/** The chain's start: the `prevHash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The entry's canonical bytes: a JSON array, so that no field can run into the next. */
export function entryBytes(entry: LedgerEntryFields): Buffer {
  const fields = [1, entry.seq, entry.topic, entry.partition, entry.offset, entry.eventId, entry.valueSha256];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

/** RFC 6962 §2.1: a leaf's hash is SHA-256(0x00 ‖ leaf). */
export function leafHash(entry: LedgerEntryFields): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(entryBytes(entry)).digest();
}

/** RFC 6962 §2.1: an inner node's hash is SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** The chain: each entry's hash is SHA-256(previous entry's hash ‖ its leaf hash). */
export function chainHash(prevHash: string, leaf: Buffer): string {
  return createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(leaf).digest('hex');
}

/** Hashes a new entry onto the chain. */
export function sealEntry(fields: LedgerEntryFields & { eventType: string | null }, prevHash: string): LedgerEntry {
  return { ...fields, prevHash, hash: chainHash(prevHash, leafHash(fields)) };
}
