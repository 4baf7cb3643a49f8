import { validateSync } from 'class-validator';
import { CloudEventEnvelope, isPlainlyValidEnvelope, validateEnvelope } from './cloud-event.envelope';

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

/** Every attribute the hub knows, well formed. */
const everyAttribute = {
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
    expect(validateEnvelope({ ...everyAttribute, somevendorext: 5, flag: true })).toEqual([]);
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

describe('isPlainlyValidEnvelope, the fast pass', () => {
  const full = everyAttribute;
  const values: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    '1.0',
    '0.3',
    1,
    0,
    true,
    {},
    [],
    'a\u0000b',
    '\ud800',
    'x',
    'SPJ',
    'XXX',
    '/relative/ref',
    'https://example.org/a',
    'not a uri with spaces',
    'zone.approval.licence.granted.v1',
    'zone.Approval.x',
    '2026-11-27T08:00:00Z',
    '2026-13-27T08:00:00Z',
    'application/json',
    'json',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
  ];
  const envelopeOf = (event: Record<string, unknown>) => Object.assign(new CloudEventEnvelope(), event);
  const classValidatorAccepts = (event: Record<string, unknown>) =>
    validateSync(envelopeOf(event), { stopAtFirstError: true }).length === 0;

  it('agrees with the decorators on every attribute given every kind of value', () => {
    expect(isPlainlyValidEnvelope(envelopeOf(full))).toBe(true);
    for (const name of Object.keys(full).filter((n) => n !== 'data')) {
      for (const value of values) {
        const event: Record<string, unknown> = { ...full, [name]: value };
        if (value === undefined) delete event[name];
        expect([name, value, isPlainlyValidEnvelope(envelopeOf(event))]).toEqual([
          name,
          value,
          classValidatorAccepts(event),
        ]);
      }
    }
  });
});
