import { CloudEvent } from '@hub/contracts';
import { canonicalJson, eventFingerprint, legacyEventFingerprint } from './event-fingerprint';

const event: CloudEvent = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/departments/SPJ/systems/approval',
  type: 'zone.approval.enterprise.registered.v1',
  data: { uscc: '91130871MA0CXQ123U', nested: { b: 1, a: [2, { d: null, c: 'x' }] } },
};

describe('eventFingerprint', () => {
  it('ignores key order at every depth', () => {
    const reordered = JSON.parse(
      '{"data":{"nested":{"a":[2,{"c":"x","d":null}],"b":1},"uscc":"91130871MA0CXQ123U"},"type":"zone.approval.enterprise.registered.v1","source":"/departments/SPJ/systems/approval","id":"evt-1","specversion":"1.0"}',
    ) as CloudEvent;
    expect(eventFingerprint(reordered)).toBe(eventFingerprint(event));
  });

  it('changes with any value, array order included', () => {
    expect(eventFingerprint({ ...event, subject: 'x' })).not.toBe(eventFingerprint(event));
    expect(
      eventFingerprint({
        ...event,
        data: { uscc: '91130871MA0CXQ123U', nested: { b: 1, a: [{ d: null, c: 'x' }, 2] } },
      }),
    ).not.toBe(eventFingerprint(event));
    expect(eventFingerprint({ ...event, data: { ...(event.data as object), uscc: '91130871MA0CXQ124U' } })).not.toBe(
      eventFingerprint(event),
    );
  });

  it('treats an absent attribute and an undefined one alike, and binary data by its bytes', () => {
    expect(eventFingerprint({ ...event, subject: undefined })).toBe(eventFingerprint(event));
    expect(canonicalJson(Buffer.from('hi'))).toBe('{"base64":"aGk="}');
    expect(eventFingerprint({ ...event, data: Buffer.from('a') })).not.toBe(
      eventFingerprint({ ...event, data: Buffer.from('b') }),
    );
  });

  it('is the same for a resend that leaves out, adds or changes an attribute other than type, subject and data', () => {
    const sent: CloudEvent = {
      ...event,
      subject: '91130871MA0CXQ123U',
      time: '2026-12-01T08:00:00Z',
      datacontenttype: 'application/json',
      dataschema: 'https://hub.example/schemas/x',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'c-1',
      partitionkey: '91130871MA0CXQ123U',
    };
    const { time, datacontenttype, dataschema, traceparent, correlationid, partitionkey, ...bare } = sent;
    expect([time, datacontenttype, dataschema, traceparent, correlationid, partitionkey]).not.toContain(undefined);
    expect(eventFingerprint(bare)).toBe(eventFingerprint(sent));
    expect(eventFingerprint({ ...sent, time: '2026-12-01T08:00:05Z', correlationid: 'c-2' })).toBe(
      eventFingerprint(sent),
    );
    expect(eventFingerprint({ ...sent, type: 'zone.approval.enterprise.deregistered.v1' })).not.toBe(
      eventFingerprint(sent),
    );
    expect(eventFingerprint({ ...sent, subject: undefined })).not.toBe(eventFingerprint(sent));
  });

  it('gives the fingerprints stored with receipts before, as the legacy one (a change would turn duplicates into conflicts)', () => {
    const stored = {
      ...event,
      subject: undefined,
      data: {
        uscc: '91130871MA0CXQ123U',
        name: '承德 "高新" 公司\n',
        nested: { b: 1.5, a: [2, { d: null, c: 'x', u: undefined }, undefined, true] },
        bin: Buffer.from([0, 1, 250]),
      },
    };
    expect(canonicalJson(stored)).toBe(
      '{"data":{"bin":{"base64":"AAH6"},"name":"承德 \\"高新\\" 公司\\n","nested":{"a":[2,{"c":"x","d":null},null,true],"b":1.5},' +
        '"uscc":"91130871MA0CXQ123U"},"id":"evt-1","source":"/departments/SPJ/systems/approval","specversion":"1.0",' +
        '"type":"zone.approval.enterprise.registered.v1"}',
    );
    expect(legacyEventFingerprint(stored)).toBe('38afabb9a802b0deaf313cc3b48d096b7ad7fb2ee8ab0a889829cd671aae87b6');
  });
});
