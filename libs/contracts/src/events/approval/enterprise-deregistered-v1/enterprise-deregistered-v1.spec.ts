import 'reflect-metadata';
import { createEvent } from '../../../registry/create-event';
import { eventTypeRegistry } from '../../event-types';
import { EnterpriseDeregisteredV1 } from './enterprise-deregistered-v1.event';

const eventOf = (data: object) =>
  createEvent(
    EnterpriseDeregisteredV1,
    { ...EnterpriseDeregisteredV1.example, ...data },
    {
      source: '/departments/SPJ/systems/registration',
    },
  );
const failures = (data: object) => eventTypeRegistry.validate(eventOf(data)).errors.map((e) => `${e.field}:${e.rule}`);

describe('zone.approval.enterprise.deregistered.v1', () => {
  it('goes with the registrations, on the same topic and key', () => {
    expect(EnterpriseDeregisteredV1).toMatchObject({
      type: 'zone.approval.enterprise.deregistered.v1',
      owner: 'SPJ',
      topic: 'zone.approval.enterprise.v1',
      key: 'uscc',
    });
  });

  it('has an example that validates', () => {
    expect(eventTypeRegistry.validate(eventOf({}))).toMatchObject({ ok: true, errors: [] });
  });

  it('records the deregistration of a pilot code that fails the check, but not of a malformed code', () => {
    expect(failures({ uscc: '91130871MA0CXQ123X' })).toEqual([]);
    expect(failures({ uscc: '91130871MA0CXQ12I' })).toEqual(['data.uscc:isUscc']);
  });

  it.each([
    [{ deregisteredOn: '31/03/2027' }, 'data.deregisteredOn:isCalendarDate'],
    [{ reason: '' }, 'data.reason:isLength'],
    [{ reason: 'x'.repeat(501) }, 'data.reason:isLength'],
    [{ reason: undefined }, 'data.reason:isString'],
  ])('refuses %j', (change, failure) => {
    expect(failures(change)).toEqual([failure]);
  });
});
