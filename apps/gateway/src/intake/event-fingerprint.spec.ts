import { CloudEvent } from '@hub/contracts';
import { canonicalJson, eventFingerprint } from './event-fingerprint';

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
});
