import 'reflect-metadata';
import { IsString } from 'class-validator';
import { validateEnvelope } from '../cloudevents/cloud-event.envelope';
import { createEvent } from './create-event';
import { defineEventType, eventKeyOf, type EventTypeSpec } from './event-type.definition';
import { Topics } from './topics';

class ProbePayload {
  @IsString()
  uscc!: string;
}

const spec: EventTypeSpec<ProbePayload> = {
  type: 'zone.approval.enterprise.probed.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalEnterpriseV1,
  payload: ProbePayload,
  key: 'uscc',
  summary: 'test',
  example: { uscc: '91130871MA0CXQ123U' },
};

describe('defineEventType', () => {
  it('returns a frozen definition with the parsed name', () => {
    const definition = defineEventType(spec);
    expect(definition.name).toEqual({ domain: 'approval', aggregate: 'enterprise', verb: 'probed', version: 1 });
    expect(Object.isFrozen(definition)).toBe(true);
  });

  it('accepts an app as owner', () => {
    expect(defineEventType({ ...spec, owner: 'supervision' }).owner).toBe('supervision');
  });

  it.each([
    [{ type: 'approval.enterprise.probed.v1' }, /type must be zone/],
    [{ type: 'zone.approval.enterprise.probed' }, /type must be zone/],
    [{ version: 2 }, /version 2 differs from the type's .v1/],
    [{ topic: 'zone.approval.enterprise.v9' as never }, /not in Topics/],
    [{ type: 'zone.supervision.enterprise.probed.v1' }, /is not zone.supervision.enterprise.v<N>/],
    [{ owner: 'NOPE' }, /owner NOPE is neither/],
    [{ summary: ' ' }, /summary/],
    [{ example: { uscc: 7 } as never }, /example.uscc must be a string/],
  ])('refuses %j', (change, message) => {
    expect(() => defineEventType({ ...spec, ...change })).toThrow(message);
  });

  it('reads the key from data, own string properties only', () => {
    const definition = defineEventType(spec);
    expect(eventKeyOf(definition, { uscc: 'X' })).toBe('X');
    expect(eventKeyOf(definition, { uscc: 1 })).toBeUndefined();
    expect(eventKeyOf(definition, Object.create({ uscc: 'inherited' }))).toBeUndefined();
    expect(eventKeyOf(definition, null)).toBeUndefined();
  });
});

describe('createEvent', () => {
  const definition = defineEventType(spec);

  it('sets type, subject, partitionkey and content type from the definition', () => {
    const event = createEvent(
      definition,
      { uscc: '91130871MA0CXQ123U' },
      {
        source: '/apps/approval',
        id: 'evt-9',
        time: '2026-11-27T08:00:00Z',
        department: 'SPJ',
        correlationid: 'c-9',
      },
    );
    expect(event).toEqual({
      specversion: '1.0',
      id: 'evt-9',
      source: '/apps/approval',
      type: 'zone.approval.enterprise.probed.v1',
      subject: '91130871MA0CXQ123U',
      time: '2026-11-27T08:00:00Z',
      datacontenttype: 'application/json',
      partitionkey: '91130871MA0CXQ123U',
      department: 'SPJ',
      correlationid: 'c-9',
      data: { uscc: '91130871MA0CXQ123U' },
    });
  });

  it('fills id and time with a UUID and now', () => {
    const event = createEvent(definition, { uscc: '91130871MA0CXQ123U' }, { source: '/apps/approval' });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.parse(event.time!) - Date.now())).toBeLessThan(5_000);
    expect(validateEnvelope(event)).toEqual([]);
  });

  it('refuses data without its key', () => {
    expect(() => createEvent(definition, {} as ProbePayload, { source: '/apps/approval' })).toThrow(
      /data.uscc must be a string/,
    );
  });
});
