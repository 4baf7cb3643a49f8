import { DeadLetterHeaders } from '@hub/contracts';
import { cutText, fitDeadLetter, singleRecordBatchBytes } from './dead-letter-record';
import { KafkaRecord } from './kafka-record';

const LIMIT = 100_000;

function letter(valueBytes: number, headers: Record<string, string> = {}): KafkaRecord {
  return {
    topic: 'zone.approval.licence.v1.dlq',
    key: '91130800MA0000000X',
    value: Buffer.alloc(valueBytes, 0x61),
    headers: {
      ce_id: 'e-1',
      ...headers,
      [DeadLetterHeaders.reason]: 'handler failed after 5 attempt(s): boom',
      [DeadLetterHeaders.originalTopic]: 'zone.approval.licence.v1',
      [DeadLetterHeaders.originalPartition]: '2',
      [DeadLetterHeaders.originalOffset]: '41',
      [DeadLetterHeaders.consumer]: 'registry',
    },
  };
}

describe('fitDeadLetter', () => {
  it('leaves a dead letter that fits as it is, without a truncation header', () => {
    const record = letter(LIMIT - 1_000);
    expect(fitDeadLetter(record, LIMIT)).toBe(record);
  });

  it('cuts the value of one that does not to exactly what fits, and records the cut', () => {
    const fitted = fitDeadLetter(letter(LIMIT), LIMIT);
    expect(singleRecordBatchBytes(fitted)).toBeLessThanOrEqual(LIMIT);
    expect(singleRecordBatchBytes(fitted)).toBeGreaterThan(LIMIT - 8);
    const cut = JSON.parse(fitted.headers[DeadLetterHeaders.truncated]);
    expect(cut).toEqual({ valueBytes: LIMIT, keptValueBytes: fitted.value.length });
    expect(fitted.value.equals(Buffer.alloc(fitted.value.length, 0x61))).toBe(true);
    expect(fitted.key).toBe('91130800MA0000000X');
    expect(fitted.headers.ce_id).toBe('e-1');
  });

  it('drops the largest original headers when the headers alone are too large, keeping where it came from', () => {
    const fitted = fitDeadLetter(letter(10, { ce_big: 'x'.repeat(LIMIT), ce_small: 'y' }), LIMIT);
    expect(singleRecordBatchBytes(fitted)).toBeLessThanOrEqual(LIMIT);
    expect(JSON.parse(fitted.headers[DeadLetterHeaders.truncated])).toEqual({
      valueBytes: 10,
      keptValueBytes: 0,
      droppedHeaders: ['ce_big'],
    });
    expect(fitted.headers.ce_small).toBe('y');
    expect(fitted.headers[DeadLetterHeaders.originalOffset]).toBe('41');
    expect(fitted.headers[DeadLetterHeaders.consumer]).toBe('registry');
  });

  it('cuts the reason and drops the errors and the key when nothing else is left to cut', () => {
    const record = letter(0);
    record.key = 'k'.repeat(LIMIT);
    record.headers[DeadLetterHeaders.errors] = 'e'.repeat(5_000);
    const fitted = fitDeadLetter(record, LIMIT);
    expect(singleRecordBatchBytes(fitted)).toBeLessThanOrEqual(LIMIT);
    expect(fitted.key).toBeNull();
    expect(fitted.headers[DeadLetterHeaders.errors]).toBeUndefined();
    expect(JSON.parse(fitted.headers[DeadLetterHeaders.truncated])).toMatchObject({ keyBytes: LIMIT, reasonCut: true });
  });
});

describe('cutText', () => {
  it('marks the cut and never splits a surrogate pair', () => {
    expect(cutText('abcdef', 4)).toBe('abc…');
    expect(cutText('ab😀cd', 4)).toBe('ab…');
    expect(cutText('abc', 4)).toBe('abc');
  });
});
