import { encodeRecord, kafkajsRecordEncoder, recordBytes, RecordFields } from './kafka-record-encoder';
import { BINARY_CLOUD_EVENT_RECORD } from './kafka-record.fixture';

describe('encodeRecord', () => {
  const kafkajs = kafkajsRecordEncoder();

  it.each<[string, RecordFields]>([
    ['an empty record', {}],
    ['a null key and value', { key: null, value: null, headers: {} }],
    ['a CloudEvent in binary mode', BINARY_CLOUD_EVENT_RECORD],
    ['repeated headers and a Buffer header', { headers: { a: ['1', '２'], b: Buffer.from([0, 255]) } }],
    ['large deltas (multi-byte varints)', { offsetDelta: 300_000, timestampDelta: 2 ** 40, key: Buffer.alloc(200, 7) }],
    ['a value of 64 KiB', { value: Buffer.alloc(65_536, 1), headers: { x: 'y'.repeat(300) } }],
    [
      'varints at their byte boundaries',
      { offsetDelta: 63, timestampDelta: 64, key: 'k'.repeat(63), value: 'v'.repeat(64) },
    ],
    ['a negative delta and an empty header', { timestampDelta: -5, headers: { empty: '', none: [] } }],
    ['a delta beyond 2^30 and below -2^30', { timestampDelta: -(2 ** 30) - 1, offsetDelta: 2 ** 30 - 1 }],
    ['string values and keys of several scripts', { key: '键', value: '{"名称":"高新区"}', headers: { 标题: '值' } }],
    [
      'more headers than its first scratch space',
      { headers: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`h${i}`, `value ${i}`])) },
    ],
  ])('writes %s byte for byte as kafkajs does', (_, fields) => {
    expect(encodeRecord(fields).buffer.equals(kafkajs(fields).buffer)).toBe(true);
  });

  it.each<[string, RecordFields]>([
    ['an empty record', {}],
    ['a CloudEvent in binary mode', BINARY_CLOUD_EVENT_RECORD],
    [
      'a value of 300 KiB and a header of 20 000 characters',
      { value: Buffer.alloc(307_200), headers: { x: 'é'.repeat(10_000) } },
    ],
    [
      'varints at their byte boundaries',
      { offsetDelta: 63, timestampDelta: 64, key: 'k'.repeat(63), value: 'v'.repeat(8_192) },
    ],
  ])('measures %s as the bytes kafkajs writes', (_, fields) => {
    expect(recordBytes(fields)).toBe(kafkajs(fields).buffer.length);
  });
});
