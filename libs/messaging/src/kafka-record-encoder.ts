import { Logger } from '@nestjs/common';
import { kafkajsModule, originalKafkajsModule, replaceKafkajsModule } from './kafkajs-modules';

/**
 * A faster encoder of one Kafka record (record format v2, "Record" inside a RecordBatch) for kafkajs' produce
 * requests: byte for byte what kafkajs writes, into one buffer of the record's exact size, where kafkajs allocates a
 * zero-filled 512-byte buffer for the record and another for each header (about a dozen per CloudEvent in binary
 * mode), then copies the headers' into the record's, and allocates an array and a Buffer for every varint: 3.6 µs
 * per record of a dozen headers instead of 22 (on the machine of 2026-11-29). Installed in place of kafkajs' own
 * module before its first produce (README, bench/gateway).
 *
 * kafkajs 2.2.4 is its last release, so the module path and the Encoder it hands its record encoders are fixed.
 */

/** The part of kafkajs' protocol Encoder this uses: a buffer and how much of it is written. */
interface KafkaEncoder {
  buf: Buffer;
  offset: number;
  writeVarLong(value: number): KafkaEncoder;
  readonly buffer: Buffer;
}

interface KafkaEncoderClass {
  new (initialSize?: number): KafkaEncoder;
}

type HeaderValue = Buffer | string;

export interface RecordFields {
  offsetDelta?: number;
  timestampDelta?: number;
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  headers?: Record<string, HeaderValue | HeaderValue[]>;
}

export type RecordEncoder = (fields: RecordFields) => KafkaEncoder;

const RECORD_MODULE = './src/protocol/recordBatch/record/v0/index.js';
const PRODUCE_REQUEST_MODULE = './src/protocol/requests/produce/v3/request.js';
const Encoder = kafkajsModule<KafkaEncoderClass>('./src/protocol/encoder.js');

/** Kafka's varints are zigzag-encoded LEB128; lengths and small deltas are well within ±2^30. */
const SMALL = 2 ** 30;

/** The byte lengths of the record's header names and values, measured once per record; grown as needed. */
let lengths: Int32Array = new Int32Array(64);

/**
 * The record as kafkajs encodes it (Kafka protocol: length, attributes, deltas, key, value, headers), written
 * straight into the buffer. Writing through kafkajs' Encoder methods, as this did at first, allocated an array and
 * a Buffer for every varint (two per header): a tenth of all the gateway allocated in the batch phase.
 */
export function encodeRecord(fields: RecordFields): KafkaEncoder {
  const { offsetDelta = 0, timestampDelta = 0, key, value, headers = {} } = fields;
  const names = Object.keys(headers);
  let headerCount = 0;
  let headerBytes = 0;
  for (const name of names) {
    const nameBytes = Buffer.byteLength(name);
    for (const one of valuesOf(headers[name])) {
      const oneBytes = byteLengthOf(one);
      if (lengths.length < 2 * headerCount + 2) lengths = growTo(lengths, 2 * headerCount + 2);
      lengths[2 * headerCount] = nameBytes;
      lengths[2 * headerCount + 1] = oneBytes;
      headerCount += 1;
      headerBytes += sizeOfSized(nameBytes) + sizeOfSized(oneBytes);
    }
  }
  const keyBytes = byteLengthOf(key);
  const valueBytes = byteLengthOf(value);
  const smallTimestamp = Number.isSafeInteger(timestampDelta) && Math.abs(timestampDelta) < SMALL;
  const timestamp = smallTimestamp ? undefined : new Encoder(10).writeVarLong(timestampDelta).buffer;
  const bodyBytes =
    1 + // attributes
    (timestamp ? timestamp.length : sizeOfVarInt(timestampDelta)) +
    sizeOfVarInt(offsetDelta) +
    sizeOfSized(keyBytes) +
    sizeOfSized(valueBytes) +
    sizeOfVarInt(headerCount) +
    headerBytes;
  // Exactly the bytes written below, every one of them: no zero-filling, and small records share Node's pool.
  const buf = Buffer.allocUnsafe(sizeOfVarInt(bodyBytes) + bodyBytes);
  let at = putVarInt(buf, 0, bodyBytes);
  buf[at++] = 0; // attributes
  if (timestamp) at += timestamp.copy(buf, at);
  else at = putVarInt(buf, at, timestampDelta);
  at = putVarInt(buf, at, offsetDelta);
  at = putSized(buf, at, key, keyBytes);
  at = putSized(buf, at, value, valueBytes);
  at = putVarInt(buf, at, headerCount);
  let header = 0;
  for (const name of names) {
    for (const one of valuesOf(headers[name])) {
      at = putSized(buf, at, name, lengths[2 * header]!);
      at = putSized(buf, at, one, lengths[2 * header + 1]!);
      header += 1;
    }
  }
  const record = new Encoder(0);
  record.buf = buf;
  record.offset = at;
  return record;
}

/**
 * The bytes a record takes in a record batch (varint length prefix included), as encodeRecord writes it; `deltas`
 * are its offset and timestamp deltas, 0 for the first (or only) record of a batch.
 */
export function recordBytes(fields: RecordFields): number {
  const { offsetDelta = 0, timestampDelta = 0, key, value, headers = {} } = fields;
  let headerCount = 0;
  let headerBytes = 0;
  for (const name of Object.keys(headers)) {
    const nameBytes = Buffer.byteLength(name);
    for (const one of valuesOf(headers[name])) {
      headerCount += 1;
      headerBytes += sizeOfSized(nameBytes) + sizeOfSized(byteLengthOf(one));
    }
  }
  const bodyBytes =
    1 +
    sizeOfVarInt(timestampDelta) +
    sizeOfVarInt(offsetDelta) +
    sizeOfSized(byteLengthOf(key)) +
    sizeOfSized(byteLengthOf(value)) +
    sizeOfVarInt(headerCount) +
    headerBytes;
  return sizeOfVarInt(bodyBytes) + bodyBytes;
}

/** A byte string's length as Kafka writes it, -1 for null (kafkajs writes any other value as its String()). */
function byteLengthOf(value: Buffer | string | null | undefined): number {
  if (value == null) return -1;
  return Buffer.isBuffer(value) ? value.length : Buffer.byteLength(String(value));
}

function zigzag(value: number): number {
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

function sizeOfVarInt(value: number): number {
  let rest = zigzag(value);
  let bytes = 1;
  while (rest >= 0x80) {
    rest >>>= 7;
    bytes += 1;
  }
  return bytes;
}

/** The size of a length-prefixed byte string (-1: null, no bytes). */
function sizeOfSized(length: number): number {
  return sizeOfVarInt(length) + Math.max(length, 0);
}

function putVarInt(buf: Buffer, at: number, value: number): number {
  let rest = zigzag(value);
  while (rest >= 0x80) {
    buf[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  buf[at++] = rest;
  return at;
}

function putSized(buf: Buffer, at: number, value: Buffer | string | null | undefined, length: number): number {
  at = putVarInt(buf, at, length);
  if (value == null) return at;
  if (Buffer.isBuffer(value)) return at + value.copy(buf, at);
  return at + buf.write(String(value), at, length, 'utf8');
}

function growTo(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(size, 2 * array.length));
  grown.set(array);
  return grown;
}

/** kafkajs' own record encoder, for comparison: its module evaluated afresh, whether or not it was replaced. */
export function kafkajsRecordEncoder(): RecordEncoder {
  return originalKafkajsModule<RecordEncoder>(RECORD_MODULE);
}

let installed = false;

/**
 * Makes kafkajs encode records with `encodeRecord`. It must run before kafkajs loads its produce request (at the
 * first produce); later, kafkajs keeps its own encoder, which is slower but correct, and this says so.
 */
export function installRecordEncoder(): void {
  if (installed) return;
  installed = true;
  if (!replaceKafkajsModule(RECORD_MODULE, encodeRecord, PRODUCE_REQUEST_MODULE)) {
    new Logger('KafkaRecordEncoder').warn('kafkajs produced before its record encoder could be replaced');
  }
}

function valuesOf(value: HeaderValue | HeaderValue[]): HeaderValue[] {
  return Array.isArray(value) ? value : [value];
}
