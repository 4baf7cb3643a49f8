import 'reflect-metadata';
import { createEvent } from '../../registry/create-event';
import { eventTypeRegistry } from '../event-types';
import { PushFedBackV1 } from './push-fed-back-v1/push-fed-back-v1.event';
import { PushOverdueV1 } from './push-overdue-v1/push-overdue-v1.event';
import { PushSupervisedV1 } from './push-supervised-v1/push-supervised-v1.event';

const PUSH_TYPES = eventTypeRegistry.all().filter((d) => d.topic === 'zone.supervision.push.v1');
const failures = (definition: typeof PushSupervisedV1, change: object): string[] => {
  const event = createEvent(definition, { ...definition.example, ...change } as never, { source: '/apps/supervision' });
  return eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
};

describe('the supervision push topic of 审管衔接', () => {
  it("carries what the supervision app emits, and departments' claim requests, keyed by uscc", () => {
    expect(PUSH_TYPES.map((d) => [d.type, d.owner])).toEqual([
      ['zone.supervision.push.claim-requested.v1', 'each-department'],
      ['zone.supervision.push.claim-refused.v1', 'supervision'],
      ['zone.supervision.push.claimed.v1', 'supervision'],
      ['zone.supervision.push.returned.v1', 'supervision'],
      ['zone.supervision.push.supervised.v1', 'supervision'],
      ['zone.supervision.push.fed-back.v1', 'supervision'],
      ['zone.supervision.push.revocation-requested.v1', 'supervision'],
      ['zone.supervision.push.reminded.v1', 'supervision'],
      ['zone.supervision.push.overdue.v1', 'supervision'],
      ['zone.supervision.push.escalated.v1', 'supervision'],
    ]);
  });

  it.each(PUSH_TYPES.map((d) => [d.type, d] as const))('%s has an example that validates and a schema', (_, d) => {
    expect(eventTypeRegistry.validate(createEvent(d, d.example, { source: '/apps/supervision' })).errors).toEqual([]);
    expect(eventTypeRegistry.jsonSchema(d.type)?.required).toEqual(expect.arrayContaining(['uscc', 'approvalId']));
  });

  it('accepts a claim without a push id (claimed before the push arrived)', () => {
    const { pushId: _pushId, ...early } = eventTypeRegistry.get('zone.supervision.push.claimed.v1')!.example as {
      pushId: string;
    };
    const event = createEvent(eventTypeRegistry.get('zone.supervision.push.claimed.v1')!, early, {
      source: '/apps/supervision',
    });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
  });

  it.each([
    [{ result: 'fine' }, 'data.result:isIn'],
    [{ action: 'phone-call' }, 'data.action:isIn'],
    [{ department: 'XX' }, 'data.department:isDepartmentCode'],
    [{ at: 'yesterday' }, 'data.at:isRfc3339'],
    [{ actor: '' }, 'data.actor:isLength'],
  ])('refuses a supervision with %j', (change, failure) => {
    expect(failures(PushSupervisedV1, change)).toEqual([failure]);
  });

  it('refuses feedback with an unknown or repeated effect', () => {
    const event = (affects: string[]) =>
      createEvent(PushFedBackV1, { ...PushFedBackV1.example, affects } as never, { source: '/apps/supervision' });
    expect(eventTypeRegistry.validate(event(['tax'])).errors.map((e) => e.rule)).toEqual(['isIn']);
    expect(eventTypeRegistry.validate(event(['credit', 'credit'])).errors.map((e) => e.rule)).toEqual(['arrayUnique']);
  });

  it('refuses a notice that tells nobody', () => {
    const event = createEvent(PushOverdueV1, { ...PushOverdueV1.example, notify: [] }, { source: '/apps/supervision' });
    expect(eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'data.notify:arrayMinSize',
    ]);
  });
});
