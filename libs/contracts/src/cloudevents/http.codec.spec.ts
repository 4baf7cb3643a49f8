import { createHash } from 'node:crypto';
import type { CloudEvent } from './cloud-event';
import { fromHttpRequest, percentDecode, percentEncode, toHttpBatchRequest, toHttpRequest } from './http.codec';

// The body of the first test vector in spec/HTTP-SIGNING.md, byte for byte.
const SIGNING_SPEC_BODY =
  '{"specversion":"1.0","id":"evt-0001","source":"/departments/SPJ/systems/approval","type":"zone.approval.licence.granted.v1","subject":"91130871MA0CXQ123U","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","data":{"matterCode":"SPJ-SPXK-001"}}';

const event: CloudEvent = {
  specversion: '1.0',
  id: 'evt-0002',
  source: '/departments/SPJ/systems/approval',
  type: 'zone.approval.enterprise.registered.v1',
  subject: '91130871MA0CXQ123U',
  time: '2026-11-27T08:00:00Z',
  datacontenttype: 'application/json; charset=utf-8',
  correlationid: '审批 2026/001',
  data: { uscc: '91130871MA0CXQ123U' },
};

describe('HTTP protocol binding', () => {
  it('reads the signing spec’s structured event', () => {
    const body = Buffer.from(SIGNING_SPEC_BODY, 'utf8');
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      '06cb513e4a0f2b30b8118ee32eab59333d893e82d13ffa3090207213704fc78e',
    );
    const decoded = fromHttpRequest({ 'content-type': 'application/cloudevents+json; charset=utf-8' }, body);
    expect(decoded).toEqual({ ok: true, mode: 'structured', events: [JSON.parse(SIGNING_SPEC_BODY)] });
  });

  it('round-trips structured mode', () => {
    const request = toHttpRequest(event, 'structured');
    expect(request.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=UTF-8' });
    expect(fromHttpRequest(request.headers, request.body)).toEqual({ ok: true, mode: 'structured', events: [event] });
  });

  it('writes binary mode with ce- headers, percent-encoding what HTTP cannot carry', () => {
    const request = toHttpRequest(event, 'binary');
    expect(request.headers).toEqual({
      'ce-specversion': '1.0',
      'ce-id': 'evt-0002',
      'ce-source': '/departments/SPJ/systems/approval',
      'ce-type': 'zone.approval.enterprise.registered.v1',
      'ce-subject': '91130871MA0CXQ123U',
      'ce-time': '2026-11-27T08:00:00Z',
      'ce-correlationid': '%E5%AE%A1%E6%89%B9%202026/001',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(event.data);
    expect(fromHttpRequest(request.headers, request.body)).toEqual({ ok: true, mode: 'binary', events: [event] });
  });

  it('reads binary headers as Node delivers them (raw UTF-8 bytes as latin1 text, quoted strings)', () => {
    const request = toHttpRequest(event, 'binary');
    const headers = {
      ...request.headers,
      'ce-correlationid': Buffer.from('审批 2026/001', 'utf8').toString('latin1'),
      'ce-subject': '"91130871MA0CXQ123U"',
    };
    const decoded = fromHttpRequest(headers, request.body);
    expect(decoded.ok && decoded.events[0]).toEqual(event);
  });

  it('refuses ce-datacontenttype in binary mode (binding §3.1.1)', () => {
    const request = toHttpRequest(event, 'binary');
    const decoded = fromHttpRequest({ ...request.headers, 'ce-datacontenttype': 'application/json' }, request.body);
    expect(decoded).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'datacontenttype', rule: 'binaryContentType' })],
    });
  });

  it('refuses a request that is no CloudEvent', () => {
    const decoded = fromHttpRequest({ 'content-type': 'application/json' }, Buffer.from('{}'));
    expect(decoded).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'content-type', rule: 'contentMode' })],
    });
  });

  it('refuses an event format it does not know', () => {
    const decoded = fromHttpRequest({ 'content-type': 'application/cloudevents+xml' }, Buffer.from('<x/>'));
    expect(decoded).toEqual({ ok: false, errors: [expect.objectContaining({ rule: 'eventFormat' })] });
  });

  it('reads a batch, and names the position of each bad event', () => {
    const request = toHttpBatchRequest([event, { ...event, id: 'evt-0003' }]);
    expect(request.headers['content-type']).toBe('application/cloudevents-batch+json; charset=UTF-8');
    const decoded = fromHttpRequest(request.headers, request.body);
    expect(decoded.ok && decoded.mode).toBe('batch');
    expect(decoded.ok && decoded.events.map((e) => e.id)).toEqual(['evt-0002', 'evt-0003']);

    const bad = Buffer.from(JSON.stringify([event, { ...event, id: '' }, 7]));
    const refused = fromHttpRequest(request.headers, bad);
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      '[1].id:isNotEmpty',
      '[2]:isObject',
    ]);
  });

  it('accepts an empty batch and refuses a batch that is not an array', () => {
    const headers = { 'content-type': 'application/cloudevents-batch+json' };
    expect(fromHttpRequest(headers, Buffer.from('[]'))).toEqual({ ok: true, mode: 'batch', events: [] });
    expect(fromHttpRequest(headers, Buffer.from('{}'))).toEqual({
      ok: false,
      errors: [expect.objectContaining({ rule: 'isArray' })],
    });
  });

  it('names a body that is not JSON', () => {
    const decoded = fromHttpRequest({ 'content-type': 'application/cloudevents+json' }, Buffer.from('{"id":'));
    expect(decoded).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'body', rule: 'json' })] });
  });

  describe('percent-encoding (binding §3.1.3.2)', () => {
    it('encodes the spec’s example', () => {
      expect(percentEncode('Euro € 😀')).toBe('Euro%20%E2%82%AC%20%F0%9F%98%80');
      expect(percentEncode('a"b%c')).toBe('a%22b%25c');
    });

    it('decodes lower-case hex and unnecessary encodings', () => {
      expect(percentDecode('Euro%20%e2%82%ac%20%F0%9F%98%80', 'x')).toEqual({ ok: true, text: 'Euro € 😀' });
      expect(percentDecode('%41BC', 'x')).toEqual({ ok: true, text: 'ABC' });
    });

    it('refuses overlong UTF-8 and broken escapes', () => {
      expect(percentDecode('%C0%A0', 'subject')).toEqual({
        ok: false,
        error: expect.objectContaining({ field: 'subject', rule: 'utf8' }),
      });
      expect(percentDecode('100%', 'subject')).toEqual({
        ok: false,
        error: expect.objectContaining({ rule: 'percentEncoding' }),
      });
      expect(percentDecode('%zz', 'subject')).toEqual({
        ok: false,
        error: expect.objectContaining({ rule: 'percentEncoding' }),
      });
    });
  });
});
