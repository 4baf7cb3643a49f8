import { Logger } from '@nestjs/common';
import { kafkajsModule, originalKafkajsModule, replaceKafkajsModule } from './kafkajs-modules';

/**
 * A faster decoder of one Kafka record (record format v2) for kafkajs' fetch responses: the same object kafkajs
 * builds, field for field. kafkajs gathers a record's headers by spreading a new object for each one (a dozen per
 * CloudEvent in binary mode, so about eighty property copies a record) and computes each record's offset and
 * timestamp through 64-bit BigInt arithmetic on decimal strings. This reads the varints itself, adds in plain
 * numbers while they are exact, and falls back to kafkajs' own arithmetic when they might not be. Installed in place
 * of kafkajs' module before its first fetch (README, bench/gateway): every consumer of the hub decodes every record
 * it fetches, the ones it then passes over included.
 *
 * kafkajs 2.2.4 is its last release, so the module paths and the Decoder it hands its record decoders are fixed.
 */

/** The part of kafkajs' protocol Decoder this uses. */
interface KafkaDecoder {
  buffer: Buffer;
  offset: number;
  readVarLong(): { toString(): string };
}

export interface BatchContext {
  firstOffset?: string;
  firstTimestamp?: string;
  magicByte?: number;
  isControlBatch?: boolean;
  timestampType?: number;
  maxTimestamp?: string;
}

export type RecordHeaders = Record<string, Buffer | null | (Buffer | null)[]>;

export interface DecodedRecord {
  magicByte: number | undefined;
  attributes: number;
  timestamp: string;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeaders;
  isControlRecord: boolean;
  batchContext: BatchContext;
}

export type RecordDecoder = (decoder: KafkaDecoder, batchContext?: BatchContext) => DecodedRecord;

interface KafkaLong {
  add(other: unknown): KafkaLong;
  toString(): string;
}

const RECORD_DECODER_MODULE = './src/protocol/recordBatch/record/v0/decoder.js';
const BATCH_DECODER_MODULE = './src/protocol/recordBatch/v0/decoder.js';
const Long = kafkajsModule<{ fromValue(value: unknown): KafkaLong }>('./src/utils/long.js');
const { LOG_APPEND_TIME } = kafkajsModule<{ LOG_APPEND_TIME: number }>('./src/protocol/timestampTypes.js');

/** A varint of at most four bytes (28 bits) is read here; longer ones, which are rare, by kafkajs. */
const FAST_VARINT_BYTES = 4;

/** Where a varint read by `readVarInt` ended. */
let end = 0;

export function decodeRecord(decoder: KafkaDecoder, batchContext: BatchContext = {}): DecodedRecord {
  const { firstOffset, firstTimestamp, magicByte, isControlBatch = false, timestampType, maxTimestamp } = batchContext;
  const buffer = decoder.buffer;
  const attributes = buffer.readInt8(decoder.offset);
  let at = decoder.offset + 1;

  let timestamp: string;
  const timestampDelta = readVarInt(buffer, at);
  if (timestampDelta === undefined) {
    decoder.offset = at;
    const delta = decoder.readVarLong();
    at = decoder.offset;
    timestamp = appendTime(timestampType, maxTimestamp) ?? Long.fromValue(firstTimestamp).add(delta).toString();
  } else {
    at = end;
    timestamp = appendTime(timestampType, maxTimestamp) ?? sum(firstTimestamp, timestampDelta);
  }
  const offset = sum(firstOffset, varInt(decoder, at));

  const key = readBytes(decoder, end);
  const value = readBytes(decoder, end);
  const count = varInt(decoder, end);
  const headers: RecordHeaders = {};
  for (let i = 0; i < count; i++) {
    const nameAt = sized(decoder, end);
    const name = nameAt < 0 ? 'null' : buffer.toString('utf8', nameAt, end);
    addHeader(headers, name, readBytes(decoder, end));
  }
  decoder.offset = end;
  return {
    magicByte,
    attributes, // unused by Kafka at the record level, as kafkajs says
    timestamp,
    offset,
    key,
    value,
    headers,
    isControlRecord: isControlBatch,
    batchContext,
  };
}

function appendTime(timestampType: number | undefined, maxTimestamp: string | undefined): string | undefined {
  return timestampType === LOG_APPEND_TIME && maxTimestamp ? maxTimestamp : undefined;
}

/** A decimal 64-bit value plus a small delta, in plain numbers while both stay exact, else as kafkajs adds them. */
function sum(base: string | undefined, delta: number): string {
  const start = Number(base);
  if (Number.isSafeInteger(start) && Number.isSafeInteger(start + delta)) return String(start + delta);
  return Long.fromValue(base).add(Long.fromValue(delta)).toString();
}

/** A zigzag varint of at most FAST_VARINT_BYTES bytes starting at `at` (its end in `end`); undefined if longer. */
function readVarInt(buffer: Buffer, at: number): number | undefined {
  let result = 0;
  for (let i = 0; i < FAST_VARINT_BYTES; i++) {
    const byte = buffer[at + i]!;
    result |= (byte & 0x7f) << (7 * i);
    if (byte < 0x80) {
      end = at + i + 1;
      return (result >>> 1) ^ -(result & 1);
    }
  }
  return undefined;
}

/** A zigzag varint at `at` (its end in `end`): read here when short, by kafkajs when longer. */
function varInt(decoder: KafkaDecoder, at: number): number {
  const value = readVarInt(decoder.buffer, at);
  if (value !== undefined) return value;
  decoder.offset = at;
  const long = (decoder as unknown as { readVarInt(): number }).readVarInt();
  end = decoder.offset;
  return long;
}

/** Where length-prefixed bytes at `at` start (their end in `end`), or -1 for null (kafkajs' -1 length). */
function sized(decoder: KafkaDecoder, at: number): number {
  const length = varInt(decoder, at);
  if (length === -1) return -1;
  const start = end;
  end = start + length;
  return start;
}

/** Length-prefixed bytes (-1: null), a view of the fetched buffer as kafkajs gives them. */
function readBytes(decoder: KafkaDecoder, at: number): Buffer | null {
  const start = sized(decoder, at);
  return start < 0 ? null : decoder.buffer.subarray(start, end);
}

/**
 * As kafkajs does, a repeated header's values in an array, in order; but a header named like a member of
 * Object.prototype (`toString`, `__proto__`) is its own value, where kafkajs pairs its first value with the
 * inherited member.
 */
function addHeader(headers: RecordHeaders, name: string, value: Buffer | null): void {
  const earlier = Object.prototype.hasOwnProperty.call(headers, name) ? headers[name] : undefined;
  const next = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  if (name === '__proto__') {
    // An own property, as an object literal's computed key makes it, not the object's prototype.
    Object.defineProperty(headers, name, { value: next, enumerable: true, writable: true, configurable: true });
  } else {
    headers[name] = next;
  }
}

/** kafkajs' own record decoder, for comparison: its module evaluated afresh, whether or not it was replaced. */
export function kafkajsRecordDecoder(): RecordDecoder {
  return originalKafkajsModule<RecordDecoder>(RECORD_DECODER_MODULE);
}

let installed = false;

/**
 * Makes kafkajs decode fetched records with `decodeRecord`. It must run before kafkajs loads its record batch
 * decoder (at the first fetch); later, kafkajs keeps its own decoder, which is slower but correct, and this says so.
 */
export function installRecordDecoder(): void {
  if (installed) return;
  installed = true;
  if (!replaceKafkajsModule(RECORD_DECODER_MODULE, decodeRecord, BATCH_DECODER_MODULE)) {
    new Logger('KafkaRecordDecoder').warn('kafkajs fetched before its record decoder could be replaced');
  }
}
