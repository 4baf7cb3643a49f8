import type { CloudEvent } from './cloud-event';
import { fromKafkaMessage, peekEventIdentity, peekEventType, toKafkaMessage } from './kafka.codec';

const event: CloudEvent<{ uscc: string; name: string }> = {
  specversion: '1.0',
  id: 'evt-0001',
  source: '/departments/SPJ/systems/approval',
  type: 'zone.approval.enterprise.registered.v1',
  subject: '91130871MA0CXQ123U',
  time: '2026-11-27T08:00:00Z',
  datacontenttype: 'application/json',
  partitionkey: '91130871MA0CXQ123U',
  department: 'SPJ',
  data: { uscc: '91130871MA0CXQ123U', name: '承德示例有限公司' },
};

describe('Kafka protocol binding', () => {
  describe('binary mode', () => {
    it('puts attributes in ce_ headers, datacontenttype in content-type, data in the value, partitionkey in the key', () => {
      const message = toKafkaMessage(event, 'binary');
      expect(message.key).toBe('91130871MA0CXQ123U');
      expect(message.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: 'evt-0001',
        ce_source: '/departments/SPJ/systems/approval',
        ce_type: 'zone.approval.enterprise.registered.v1',
        ce_subject: '91130871MA0CXQ123U',
        ce_time: '2026-11-27T08:00:00Z',
        ce_partitionkey: '91130871MA0CXQ123U',
        ce_department: 'SPJ',
        'content-type': 'application/json',
      });
      expect(JSON.parse(message.value!.toString('utf8'))).toEqual(event.data);
    });

    it('sees a ce___proto__ header as a bad attribute name instead of applying it', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({ ...message, headers: { ...message.headers, ce___proto__: 'forged' } });
      expect(decoded.ok ? [] : decoded.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['__proto__:extensionName']);
    });

    it('round-trips an event, with Buffer headers as Kafka clients deliver them', () => {
      const message = toKafkaMessage(event, 'binary');
      const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]));
      expect(fromKafkaMessage({ key: Buffer.from(message.key!), value: message.value, headers })).toEqual({
        ok: true,
        event,
      });
    });

    it('keeps an event without data as a message without value, and back', () => {
      const { data: _data, datacontenttype: _type, ...bare } = event;
      const message = toKafkaMessage(bare, 'binary');
      expect(message.value).toBeNull();
      expect(message.headers['content-type']).toBeUndefined();
      expect(fromKafkaMessage(message)).toEqual({ ok: true, event: bare });
    });

    it('declares application/json when data is JSON but datacontenttype is absent', () => {
      const { datacontenttype: _type, ...untyped } = event;
      expect(toKafkaMessage(untyped, 'binary').headers['content-type']).toBe('application/json');
    });

    it('keeps non-JSON data as bytes', () => {
      const xml: CloudEvent = { ...event, datacontenttype: 'application/xml', data: Buffer.from('<a/>') };
      const decoded = fromKafkaMessage(toKafkaMessage(xml, 'binary'));
      expect(decoded.ok && decoded.event.data).toEqual(Buffer.from('<a/>'));
    });

    it('has a null key without partitionkey', () => {
      const { partitionkey: _key, ...unkeyed } = event;
      expect(toKafkaMessage(unkeyed, 'binary').key).toBeNull();
    });

    it('accepts a single-element header array and upper-case header names', () => {
      const message = toKafkaMessage(event, 'binary');
      const headers: Record<string, Buffer[] | string> = { ...message.headers, ce_id: [Buffer.from('evt-0001')] };
      headers['Content-Type'] = headers['content-type'] as string;
      delete headers['content-type'];
      expect(fromKafkaMessage({ key: null, value: message.value, headers }).ok).toBe(true);
    });

    it('refuses a CloudEvents header given twice', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({ ...message, headers: { ...message.headers, ce_id: ['a', 'b'] } });
      expect(decoded).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'id', rule: 'duplicateHeader' })],
      });
    });

    it('ignores headers that are not the binding’s, even odd ones', () => {
      const message = toKafkaMessage(event, 'binary');
      const headers = { ...message.headers, 'x-trace': [Buffer.from([0xff]), 'b'], other: Buffer.from([0xc0, 0xa0]) };
      expect(fromKafkaMessage({ ...message, headers }).ok).toBe(true);
    });

    it('refuses a header that is not UTF-8', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({
        ...message,
        headers: { ...message.headers, ce_subject: Buffer.from([0xc0, 0xa0]) },
      });
      expect(decoded).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'subject', rule: 'utf8' })] });
    });

    it('names the field when the JSON data does not parse', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({ ...message, value: Buffer.from('{"uscc":') });
      expect(decoded).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'data', rule: 'json' })] });
    });

    it('validates the envelope it decodes', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({
        ...message,
        headers: { ...message.headers, ce_time: 'yesterday', 'ce_bad-name': 'x' },
      });
      expect(decoded.ok ? [] : decoded.errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
        'time:isRfc3339',
        'bad-name:extensionName',
      ]);
    });

    it('refuses ce_datacontenttype that contradicts content-type, and ce_data', () => {
      const message = toKafkaMessage(event, 'binary');
      const decoded = fromKafkaMessage({
        ...message,
        headers: { ...message.headers, ce_datacontenttype: 'text/plain', ce_data: 'x' },
      });
      expect(decoded.ok ? [] : decoded.errors.map((e) => e.rule).sort()).toEqual([
        'contentTypeConflict',
        'reservedName',
      ]);
    });
  });

  describe('structured mode', () => {
    it('puts the whole JSON event in the value, with the CloudEvents content type', () => {
      const message = toKafkaMessage(event, 'structured');
      expect(message.key).toBe('91130871MA0CXQ123U');
      expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=UTF-8' });
      expect(JSON.parse(message.value!.toString('utf8'))).toEqual(event);
      expect(fromKafkaMessage(message)).toEqual({ ok: true, event });
    });

    it('wins over ce_ headers when content-type says structured (binding §3)', () => {
      const structured = toKafkaMessage(event, 'structured');
      const decoded = fromKafkaMessage({
        ...structured,
        headers: { ...structured.headers, ce_specversion: '1.0', ce_id: 'other' },
      });
      expect(decoded.ok && decoded.event.id).toBe('evt-0001');
    });

    it('carries binary data as data_base64', () => {
      const bytes: CloudEvent = {
        ...event,
        datacontenttype: 'application/octet-stream',
        data: Buffer.from([0, 1, 254, 255]),
      };
      const message = toKafkaMessage(bytes, 'structured');
      expect(JSON.parse(message.value!.toString('utf8')).data_base64).toBe('AAH+/w==');
      const decoded = fromKafkaMessage(message);
      expect(decoded.ok && decoded.event.data).toEqual(Buffer.from([0, 1, 254, 255]));
    });

    it('reads a headerless JSON message, as kcat -P sends it', () => {
      expect(fromKafkaMessage({ key: null, value: JSON.stringify(event) })).toEqual({ ok: true, event });
    });

    it('refuses an unsupported event format', () => {
      const decoded = fromKafkaMessage({
        key: null,
        value: Buffer.from('x'),
        headers: { 'content-type': 'application/cloudevents+avro' },
      });
      expect(decoded).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'content-type', rule: 'eventFormat' })],
      });
    });

    it('refuses a plain JSON message that is no CloudEvent', () => {
      const decoded = fromKafkaMessage({
        key: null,
        value: Buffer.from('{}'),
        headers: { 'content-type': 'application/json' },
      });
      expect(decoded).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'content-type', rule: 'contentMode' })],
      });
    });

    it('explains empty and malformed values', () => {
      const ct = { 'content-type': 'application/cloudevents+json' };
      expect(fromKafkaMessage({ value: null, headers: ct })).toEqual({
        ok: false,
        errors: [expect.objectContaining({ rule: 'isDefined' })],
      });
      expect(fromKafkaMessage({ value: Buffer.from('[1]'), headers: ct })).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: '', rule: 'isObject' })],
      });
      expect(fromKafkaMessage({ value: Buffer.from('{'), headers: ct })).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'value', rule: 'json' })],
      });
    });

    it('refuses data together with data_base64, and bad Base64', () => {
      const ct = { 'content-type': 'application/cloudevents+json' };
      const both = fromKafkaMessage({ value: JSON.stringify({ ...event, data_base64: 'AAAA' }), headers: ct });
      expect(both.ok ? [] : both.errors.map((e) => e.rule)).toEqual(['exclusiveData']);
      const { data: _data, ...bare } = event;
      const bad = fromKafkaMessage({ value: JSON.stringify({ ...bare, data_base64: 'A@==' }), headers: ct });
      expect(bad.ok ? [] : bad.errors.map((e) => e.rule)).toEqual(['base64']);
    });

    it('sees a __proto__ member as a bad attribute name instead of applying it', () => {
      const json = JSON.stringify(event).replace('{', '{"__proto__":{"subject":"forged"},');
      const decoded = fromKafkaMessage({ value: json, headers: { 'content-type': 'application/cloudevents+json' } });
      expect(decoded.ok ? [] : decoded.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['__proto__:extensionName']);
    });

    it('keeps an explicit null data apart from absent data', () => {
      const decoded = fromKafkaMessage({ value: JSON.stringify({ ...event, data: null }) });
      expect(decoded.ok && 'data' in decoded.event && decoded.event.data === null).toBe(true);
    });
  });
});

describe('peekEventType', () => {
  const binary = { key: null, value: Buffer.from('{}'), headers: { ce_specversion: '1.0', ce_type: 'zone.a.b.c.v1' } };

  it('reads the type of a binary-mode message from its header, as a string or bytes', () => {
    expect(peekEventType(binary)).toBe('zone.a.b.c.v1');
    expect(peekEventType({ ...binary, headers: { ...binary.headers, ce_type: Buffer.from('zone.x.y.z.v2') } })).toBe(
      'zone.x.y.z.v2',
    );
  });

  it('leaves every other message to decoding: structured mode, no specversion, no type or a type given twice', () => {
    const structured = { ...binary.headers, 'Content-Type': 'application/cloudevents+json' };
    expect(peekEventType({ ...binary, headers: structured })).toBeUndefined();
    expect(peekEventType({ ...binary, headers: { ce_type: 'zone.a.b.c.v1' } })).toBeUndefined();
    expect(peekEventType({ ...binary, headers: { ce_specversion: '1.0' } })).toBeUndefined();
    expect(peekEventType({ ...binary, headers: { ...binary.headers, ce_type: ['a', 'b'] } })).toBeUndefined();
    expect(peekEventType({ ...binary, headers: { ...binary.headers, CE_TYPE: 'zone.q.r.s.v1' } })).toBeUndefined();
    expect(peekEventType({ key: null, value: null })).toBeUndefined();
  });
});

describe('peekEventIdentity', () => {
  it("reads a binary-mode message's source and id from its headers, and nothing of any other", () => {
    const headers = {
      ce_specversion: '1.0',
      ce_source: '/apps/x',
      ce_id: Buffer.from('e-1'),
      ce_type: 'zone.a.b.c.v1',
    };
    expect(peekEventIdentity({ value: null, headers })).toEqual({ source: '/apps/x', id: 'e-1' });
    expect(peekEventIdentity({ value: null, headers: { ...headers, ce_id: undefined } })).toBeUndefined();
    expect(peekEventIdentity({ value: null, headers: { ...headers, ce_specversion: undefined } })).toBeUndefined();
    expect(peekEventIdentity({ value: null, headers: { ...headers, CE_ID: 'e-2' } })).toBeUndefined();
    expect(peekEventIdentity(toKafkaMessage(event, 'structured'))).toBeUndefined();
    expect(peekEventIdentity(toKafkaMessage(event, 'binary'))).toEqual({ source: event.source, id: event.id });
  });
});
