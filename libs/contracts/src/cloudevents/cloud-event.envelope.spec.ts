import { acceptsKnownAttributes, knownAttributeErrors, validateEnvelope } from './cloud-event.envelope';

const valid = {
  specversion: '1.0',
  id: 'evt-0001',
  source: '/departments/SPJ/systems/approval',
  type: 'zone.approval.licence.granted.v1',
  subject: '91130871MA0CXQ123U',
  time: '2026-11-27T08:00:00Z',
  datacontenttype: 'application/json',
  data: { matterCode: 'SPJ-SPXK-001' },
};

/** A valid event with every known attribute. */
const full = {
  ...valid,
  partitionkey: '91130871MA0CXQ123U',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  tracestate: 'hub=1',
  department: 'SPJ',
  correlationid: 'c-1',
  causationid: 'evt-0000',
  dataschema: 'urn:zone-hub:schema:zone.approval.licence.granted.v1',
};

const rulesOf = (event: unknown) => validateEnvelope(event).map((e) => `${e.field}:${e.rule}`);

describe('validateEnvelope', () => {
  it('accepts the signing spec’s test event', () => {
    expect(validateEnvelope(valid)).toEqual([]);
  });

  it('accepts the hub’s extensions when well formed', () => {
    expect(
      validateEnvelope({
        ...full,
        somevendorext: 5,
        flag: true,
      }),
    ).toEqual([]);
  });

  it('names every missing required attribute with its rule and CloudEvents', () => {
    const errors = validateEnvelope({});
    expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'specversion:isDefined',
      'id:isDefined',
      'source:isDefined',
      'type:isDefined',
    ]);
    expect(errors[0]?.message).toBe('specversion is required (CloudEvents 1.0)');
  });

  it('wants specversion to be exactly "1.0"', () => {
    expect(rulesOf({ ...valid, specversion: '1.0.2' })).toEqual(['specversion:equals']);
    expect(rulesOf({ ...valid, specversion: 1 })).toEqual(['specversion:equals']);
  });

  it.each([
    [{ id: '' }, 'id:isNotEmpty'],
    [{ id: 42 }, 'id:isString'],
    [{ id: 'a\nb' }, 'id:isCloudEventsString'],
    [{ source: 'not a uri' }, 'source:isUriReference'],
    [{ type: 'com.example.granted' }, 'type:isEventType'],
    [{ type: 'zone.approval.licence.granted' }, 'type:isEventType'],
    [{ type: 'zone.Approval.licence.granted.v1' }, 'type:isEventType'],
    [{ subject: '' }, 'subject:isNotEmpty'],
    [{ time: '2026-11-27 08:00:00' }, 'time:isRfc3339'],
    [{ time: '2026-02-30T08:00:00Z' }, 'time:isRfc3339'],
    [{ datacontenttype: 'json' }, 'datacontenttype:isMediaType'],
    [{ dataschema: '/relative/schema.json' }, 'dataschema:isAbsoluteUri'],
    [{ partitionkey: '' }, 'partitionkey:isNotEmpty'],
    [{ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' }, 'traceparent:isTraceparent'],
    [{ department: 'XYZ' }, 'department:isDepartmentCode'],
    [{ correlationid: '' }, 'correlationid:isNotEmpty'],
    [{ causationid: 7 }, 'causationid:isString'],
    [{ 'my-ext': 'x' }, 'my-ext:extensionName'],
    [{ MyExt: 'x' }, 'MyExt:extensionName'],
    [{ data_base64: 'AAAA' }, 'data_base64:extensionName'],
    [{ nested: { a: 1 } }, 'nested:extensionValue'],
    [{ ratio: 0.5 }, 'ratio:extensionValue'],
    [{ big: 2 ** 31 }, 'big:extensionValue'],
    [{ bad: 'tab\there' }, 'bad:extensionValue'],
    // The documented maximums (EventLimits): a 3 000-character id was a 500 from the receipts' btree index.
    [{ id: 'x'.repeat(3_000) }, 'id:maxLength'],
    [{ subject: 'x'.repeat(257) }, 'subject:maxLength'],
    [{ source: `/${'s'.repeat(512)}` }, 'source:maxLength'],
    [{ type: `zone.approval.licence.${'g'.repeat(128)}.v1` }, 'type:maxLength'],
    [{ time: `2026-11-27T08:00:00.${'0'.repeat(1_024)}Z` }, 'time:maxLength'],
    [{ datacontenttype: `application/json;${' '.repeat(1_024)}` }, 'datacontenttype:maxLength'],
    [{ time: 5 }, 'time:isRfc3339'],
    [{ tracestate: 'x'.repeat(1_025) }, 'tracestate:maxLength'],
    [{ extension: 'x'.repeat(1_025) }, 'extension:maxLength'],
    [{ [`a${'b'.repeat(20)}`]: 'x' }, `a${'b'.repeat(19)}…:maxLength`],
    [{ ['a\u0000\ud800']: 'x' }, 'a\\u0000\\ud800:extensionName'],
  ])('refuses %j with %s', (change, expected) => {
    expect(rulesOf({ ...valid, ...change })).toEqual([expected]);
  });

  it('treats a null optional attribute as absent and a null required one as missing', () => {
    expect(rulesOf({ ...valid, subject: null, unsetext: null })).toEqual([]);
    expect(rulesOf({ ...valid, id: null })).toEqual(['id:isDefined']);
  });

  it('refuses what is not an object', () => {
    expect(rulesOf([valid])).toEqual([':isObject']);
    expect(rulesOf('{"specversion":"1.0"}')).toEqual([':isObject']);
    expect(rulesOf(null)).toEqual([':isObject']);
  });
});

describe('the fast path for valid envelopes', () => {
  // Values that are wrong for one attribute or another, or right only for some.
  const probes: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    '1.0',
    '1.1',
    1,
    0,
    true,
    {},
    [],
    ['SPJ'],
    'SPJ',
    'XXX',
    'spj',
    'evt-1',
    'a\u0000b',
    'a\uFFFEb',
    '\uD800',
    '/departments/SPJ/systems/approval',
    'http://[::1]:80/x',
    'a:b/c',
    'x#y#z',
    'https://x/y#frag',
    'zone.approval.licence.granted.v1',
    'zone.approval.licence.granted',
    '2026-11-27T08:00:00Z',
    '2026-02-30T08:00:00Z',
    '2026-11-27 08:00:00',
    'application/json',
    'application/json; charset=utf-8',
    'json',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    'x'.repeat(256),
    'x'.repeat(257),
    `/${'s'.repeat(511)}`,
    `/${'s'.repeat(512)}`,
    `2026-11-27T08:00:00.${'0'.repeat(1_003)}Z`,
    `2026-11-27T08:00:00.${'0'.repeat(1_004)}Z`,
  ];

  it('takes the common case, a valid event with every known attribute', () => {
    expect(acceptsKnownAttributes(full)).toBe(true);
    expect(acceptsKnownAttributes(valid)).toBe(true);
  });

  it('says yes only where the decorators find nothing, for every attribute and every probe', () => {
    let accepted = 0;
    for (const name of Object.keys(full)) {
      if (name === 'data') continue;
      for (const probe of probes) {
        const event: Record<string, unknown> = { ...full, [name]: probe };
        if (probe === undefined) delete event[name];
        const fast = acceptsKnownAttributes(event);
        const errors = knownAttributeErrors(event);
        if (fast) {
          accepted++;
          expect({ name, probe, errors }).toEqual({ name, probe, errors: [] });
        }
        // And the full validation answers exactly what the decorators do, whichever path it took.
        expect(validateEnvelope(event).filter((e) => e.field === name)).toEqual(errors.filter((e) => e.field === name));
      }
    }
    // The probes do include acceptable values, so the comparison above is not vacuous.
    expect(accepted).toBeGreaterThan(20);
  });
});
