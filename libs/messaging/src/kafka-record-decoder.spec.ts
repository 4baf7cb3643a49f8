import { BatchContext, decodeRecord, kafkajsRecordDecoder } from './kafka-record-decoder';
import { RecordFields, kafkajsRecordEncoder } from './kafka-record-encoder';
import { BINARY_CLOUD_EVENT_RECORD } from './kafka-record.fixture';
import { kafkajsModule } from './kafkajs-modules';

const Decoder = kafkajsModule<
  new (buffer: Buffer) => {
    buffer: Buffer;
    offset: number;
    readVarIntBytes(): Buffer;
    readVarLong(): { toString(): string };
  }
>('./src/protocol/decoder.js');
const LOG_APPEND_TIME = 1;

/** A record as it sits in a fetched batch: written by kafkajs, length-prefixed, read from its own Decoder. */
function recordDecoder(fields: RecordFields): InstanceType<typeof Decoder> {
  const written = kafkajsRecordEncoder()(fields) as unknown as { buffer: Buffer };
  const framed = new Decoder(Buffer.concat([Buffer.from('prefix'), written.buffer]));
  framed.offset = 'prefix'.length;
  return new Decoder(framed.readVarIntBytes());
}

const context: BatchContext = { firstOffset: '4096', firstTimestamp: '1764390000000', magicByte: 2, timestampType: 0 };

describe('decodeRecord', () => {
  const kafkajs = kafkajsRecordDecoder();

  it.each<[string, RecordFields, BatchContext]>([
    ['an empty record', {}, context],
    ['a null key and value', { key: null, value: null }, context],
    ['a CloudEvent in binary mode', BINARY_CLOUD_EVENT_RECORD, context],
    ['repeated headers, in order', { headers: { a: ['1', '２', '3'], b: Buffer.from([0, 255]) } }, context],
    ['a negative timestamp delta', { timestampDelta: -5, headers: { empty: '' } }, context],
    ['varints at their byte boundaries', { offsetDelta: 63, timestampDelta: 64, value: 'v'.repeat(8_192) }, context],
    ['a timestamp delta beyond four varint bytes', { timestampDelta: 2 ** 40, offsetDelta: 2 ** 27 }, context],
    ['a timestamp delta below -2^30', { timestampDelta: -(2 ** 30) - 1, key: 'k' }, context],
    ['an offset past 2^53', { offsetDelta: 9 }, { ...context, firstOffset: '9007199254740990' }],
    ['no timestamp in the batch', { timestampDelta: 0 }, { ...context, firstTimestamp: '-1' }],
    [
      'a log-append-time batch',
      { timestampDelta: 7 },
      { ...context, timestampType: LOG_APPEND_TIME, maxTimestamp: '1764390009999' },
    ],
    ['a control batch', { key: Buffer.from([0, 0, 0, 1]) }, { ...context, isControlBatch: true }],
    [
      'names and values of several scripts',
      { key: '键', value: '{"名称":"高新区"}', headers: { 标题: '值' } },
      context,
    ],
    [
      'eighty headers',
      { headers: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`h${i}`, `value ${i}`])) },
      context,
    ],
  ])('reads %s as kafkajs does', (_, fields, batchContext) => {
    const [ours, theirs] = [recordDecoder(fields), recordDecoder(fields)];
    const decoded = decodeRecord(ours, batchContext);
    expect(decoded).toEqual(kafkajs(theirs, batchContext));
    expect(ours.offset).toBe(theirs.offset);
    expect(ours.offset).toBe(ours.buffer.length);
  });

  it('gives values as views of the fetched bytes, as kafkajs does', () => {
    const decoder = recordDecoder(BINARY_CLOUD_EVENT_RECORD);
    const { value, headers } = decodeRecord(decoder, context);
    expect(value!.buffer).toBe(decoder.buffer.buffer);
    expect((headers.ce_type as Buffer).toString()).toBe('zone.approval.licence.granted.v1');
  });

  it('keeps a header named like a member of Object.prototype as its own value', () => {
    const { headers } = decodeRecord(recordDecoder({ headers: { toString: 'a', ['__proto__']: 'b' } }), context);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(String(headers.toString)).toBe('a');
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value.toString()).toBe('b');
  });
});
