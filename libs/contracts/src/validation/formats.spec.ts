import {
  isAbsoluteUri,
  isCalendarDate,
  isCloudEventsString,
  isJsonMediaType,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
  mediaTypeEssence,
} from './formats';

describe('text formats', () => {
  it.each([
    '2026-11-27T08:00:00Z',
    '2026-11-27t08:00:00z',
    '2026-11-27T16:00:00.123456+08:00',
    '2024-02-29T23:59:60-00:30',
  ])('accepts the RFC 3339 timestamp %s', (value) => expect(isRfc3339Timestamp(value)).toBe(true));

  it.each([
    '2026-11-27',
    '2026-11-27 08:00:00Z',
    '2026-11-27T08:00:00',
    '2026-02-29T08:00:00Z',
    '2026-13-01T08:00:00Z',
    '2026-11-27T24:00:00Z',
    '2026-11-27T08:00:00+24:00',
    '2026-11-27T08:00Z',
    1795766400,
  ])('rejects %s as an RFC 3339 timestamp', (value) => expect(isRfc3339Timestamp(value)).toBe(false));

  it('checks calendar dates, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-4-30')).toBe(false);
    expect(isCalendarDate('2026-04-30T00:00:00Z')).toBe(false);
  });

  it.each([
    '/departments/SPJ/systems/approval',
    'https://hub.example.gov.cn/events?x=1#top',
    'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
    'mailto:ops@example.gov.cn',
    '1-555-123-4567',
    'http://[2001:db8::1]:8080/a',
    'a%20b',
  ])('accepts the URI-reference %s', (value) => expect(isUriReference(value)).toBe(true));

  it.each(['', 'has space', '/a#b#c', 'bad%zz', '1a:b/c', '/path/[x]', '/审批局', 'http://[bad host]/'])(
    'rejects %j as a URI-reference',
    (value) => expect(isUriReference(value)).toBe(false),
  );

  it('asks an absolute URI for a scheme and no fragment', () => {
    expect(isAbsoluteUri('https://hub.example.gov.cn/schemas/x.json')).toBe(true);
    expect(isAbsoluteUri('urn:zone-hub:schema:zone.approval.enterprise.registered.v1')).toBe(true);
    expect(isAbsoluteUri('/schemas/x.json')).toBe(false);
    expect(isAbsoluteUri('https://hub.example.gov.cn/x#frag')).toBe(false);
  });

  it('recognises media types and JSON ones', () => {
    expect(isMediaType('application/json')).toBe(true);
    expect(isMediaType('application/json; charset=utf-8')).toBe(true);
    expect(isMediaType('text/plain;charset="utf-8"')).toBe(true);
    expect(isMediaType('application')).toBe(false);
    expect(isMediaType('application/json; charset')).toBe(false);
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('application/vnd.zone+json')).toBe(true);
    expect(isJsonMediaType('text/json')).toBe(true);
    expect(isJsonMediaType('application/xml')).toBe(false);
    expect(isJsonMediaType('application/jsonx')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
    expect(mediaTypeEssence(' Application/CloudEvents+JSON ; charset=UTF-8')).toBe('application/cloudevents+json');
  });

  it('checks W3C traceparent values', () => {
    expect(isTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(true);
    expect(isTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later')).toBe(true);
    expect(isTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later')).toBe(false);
    expect(isTraceparent('ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(false);
    expect(isTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(false);
    expect(isTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBe(false);
    expect(isTraceparent('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBe(false);
    expect(isTraceparent('00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01')).toBe(false);
  });

  it('checks the CloudEvents String type', () => {
    expect(isCloudEventsString('承德高新区 😀')).toBe(true);
    expect(isCloudEventsString('line\nbreak')).toBe(false);
    expect(isCloudEventsString('\u0085')).toBe(false);
    expect(isCloudEventsString('\ufffe')).toBe(false);
    expect(isCloudEventsString('\ud800x')).toBe(false);
    expect(isCloudEventsString('x\udc00')).toBe(false);
  });
});
