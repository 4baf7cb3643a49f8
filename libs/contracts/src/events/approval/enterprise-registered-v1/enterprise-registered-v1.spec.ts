import 'reflect-metadata';
import { createEvent } from '../../../registry/create-event';
import { eventTypeRegistry } from '../../event-types';
import { EnterpriseRegisteredV1 } from './enterprise-registered-v1.event';

const eventOf = (data: object) =>
  createEvent(
    EnterpriseRegisteredV1,
    { ...EnterpriseRegisteredV1.example, ...data },
    {
      id: 'evt-1',
      source: '/departments/SPJ/systems/registration',
      department: 'SPJ',
    },
  );
const failures = (data: object) => eventTypeRegistry.validate(eventOf(data)).errors.map((e) => `${e.field}:${e.rule}`);

describe('zone.approval.enterprise.registered.v1', () => {
  it('is declared as the foundation expects', () => {
    expect(EnterpriseRegisteredV1).toMatchObject({
      type: 'zone.approval.enterprise.registered.v1',
      version: 1,
      owner: 'SPJ',
      topic: 'zone.approval.enterprise.v1',
      key: 'uscc',
    });
    expect(eventTypeRegistry.get(EnterpriseRegisteredV1.type)).toBe(EnterpriseRegisteredV1);
  });

  it('has an example that validates', () => {
    expect(eventTypeRegistry.validate(eventOf({}))).toMatchObject({ ok: true, errors: [] });
  });

  it('leaves registered capital optional', () => {
    const { registeredCapitalYuan: _capital, ...rest } = EnterpriseRegisteredV1.example;
    const event = createEvent(EnterpriseRegisteredV1, rest, { source: '/departments/SPJ/systems/registration' });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
  });

  it('wants a code that passes the check: pilot codes are never newly registered', () => {
    expect(failures({ uscc: '91130871MA0CXQ123X' })).toEqual(['data.uscc:usccChecksum']);
    expect(failures({ uscc: '91130871MA0CXQ12IU' })).toEqual(['data.uscc:isUscc']);
    const numeric = { ...eventOf({}), data: { ...EnterpriseRegisteredV1.example, uscc: 91130871 } };
    expect(eventTypeRegistry.validate(numeric).errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'data.uscc:isString',
    ]);
  });

  it.each([
    [{ name: '' }, 'data.name:isLength'],
    [{ name: '企'.repeat(201) }, 'data.name:isLength'],
    [{ legalRepresentative: '' }, 'data.legalRepresentative:isLength'],
    [{ address: undefined }, 'data.address:isString'],
    [{ industryCode: 'C29291' }, 'data.industryCode:matches'],
    [{ industryCode: 'C2' }, 'data.industryCode:matches'],
    [{ industryCode: 'U2929' }, 'data.industryCode:matches'],
    [{ industryCode: 'c2929' }, 'data.industryCode:matches'],
    [{ establishedOn: '2026-02-30' }, 'data.establishedOn:isCalendarDate'],
    [{ establishedOn: '2026-11-20T00:00:00Z' }, 'data.establishedOn:isCalendarDate'],
    [{ registeredCapitalYuan: -1 }, 'data.registeredCapitalYuan:min'],
    [{ registeredCapitalYuan: 1.5 }, 'data.registeredCapitalYuan:isInt'],
    [{ registeredCapitalYuan: '5000000' }, 'data.registeredCapitalYuan:isInt'],
    [{ shareholders: [] }, 'data.shareholders:whitelistValidation'],
  ])('refuses %j', (change, failure) => {
    expect(failures(change)).toEqual([failure]);
  });

  it.each(['C', 'C29', 'C292', 'C2929', 'A0111', 'T9900'])('accepts the GB/T 4754 code %s', (industryCode) => {
    expect(failures({ industryCode })).toEqual([]);
  });

  it('says which rule an industry code breaks', () => {
    const [error] = eventTypeRegistry.validate(eventOf({ industryCode: 'X1' })).errors;
    expect(error?.message).toMatch(/GB\/T 4754-2017/);
  });

  it('has a JSON Schema naming its fields and formats', () => {
    expect(eventTypeRegistry.jsonSchema(EnterpriseRegisteredV1.type)).toMatchObject({
      title: 'zone.approval.enterprise.registered.v1',
      additionalProperties: false,
      required: ['uscc', 'name', 'legalRepresentative', 'address', 'industryCode', 'establishedOn'],
      properties: {
        uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        industryCode: { type: 'string', pattern: '^[A-T](?:\\d{2}|\\d{3}|\\d{4})?$' },
        establishedOn: { type: 'string', format: 'date' },
        registeredCapitalYuan: { type: 'integer', minimum: 0 },
      },
    });
  });
});
