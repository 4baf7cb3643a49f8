import { DeadLetterHeaders } from '@hub/contracts';
import { KafkaRecord } from './kafka-record';
import { recordBytes } from './kafka-record-encoder';

/** A record batch's own bytes before its records (Kafka's DefaultRecordBatch.RECORD_BATCH_OVERHEAD, v2). */
export const RECORD_BATCH_OVERHEAD = 61;

/** The bytes of a batch holding this one record: what the broker compares with its `max.message.bytes`. */
export function singleRecordBatchBytes(record: KafkaRecord): number {
  return RECORD_BATCH_OVERHEAD + recordBytes(record);
}

/** What fitDeadLetter cut, as the `hub-dlq-truncated` header says it. */
export interface DeadLetterCut {
  valueBytes?: number;
  keptValueBytes?: number;
  droppedHeaders?: string[];
  keyBytes?: number;
  reasonCut?: true;
}

const OWN_HEADERS = new Set<string>(Object.values(DeadLetterHeaders));

/**
 * The dead letter as it can be produced: itself when it fits `maxMessageBytes` in a batch of its own, else cut to fit
 * with the cut recorded in its `hub-dlq-truncated` header, in this order until it fits — the value's tail, the
 * original headers (largest first), the field errors and the reason's tail, the key. The hub-dlq-* headers that say
 * where it came from are never cut: the letter stays traceable to its original, which Kafka still holds.
 */
export function fitDeadLetter(record: KafkaRecord, maxMessageBytes: number): KafkaRecord {
  const budget = maxMessageBytes - RECORD_BATCH_OVERHEAD;
  if (recordBytes(record) <= budget) return record;
  const cut: DeadLetterCut = {};
  let { value, key } = record;
  const headers = { ...record.headers };
  const build = (): KafkaRecord => ({
    topic: record.topic,
    key,
    value,
    headers: { ...headers, [DeadLetterHeaders.truncated]: JSON.stringify(cut) },
  });
  const over = (): number => recordBytes(build()) - budget;

  // The kept size is written with as many digits as the whole one, so that writing the smaller number cannot grow it.
  cut.valueBytes = value.length;
  cut.keptValueBytes = value.length;
  const keep = Math.max(0, value.length - over());
  value = value.subarray(0, keep);
  cut.keptValueBytes = keep;
  if (over() <= 0) return build();

  const droppable = Object.keys(headers)
    .filter((name) => !OWN_HEADERS.has(name))
    .sort((a, b) => Buffer.byteLength(headers[b]) - Buffer.byteLength(headers[a]));
  for (const name of droppable) {
    delete headers[name];
    (cut.droppedHeaders ??= []).push(name);
    if (over() <= 0) return build();
  }

  cut.reasonCut = true;
  delete headers[DeadLetterHeaders.errors];
  const reason = headers[DeadLetterHeaders.reason];
  if (reason !== undefined) headers[DeadLetterHeaders.reason] = cutText(reason, 500);
  if (over() <= 0) return build();

  cut.keyBytes = key === null ? undefined : Buffer.byteLength(key);
  key = null;
  return build();
}

/** At most `max` characters, the cut marked; never splits a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return `${text.slice(0, end)}…`;
}
