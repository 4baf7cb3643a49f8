import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { LicenceGrantedV1 } from '../events/approval/licence-granted-v1/licence-granted-v1.event';
import { eventTypeRegistry } from '../events/event-types';
import { IsUscc } from '../identifiers/uscc';
import { createEvent } from './create-event';
import { defineEventType } from './event-type.definition';
import { EventTypeRegistry } from './event-type.registry';
import { Topics } from './topics';

class TestCommitment {
  @IsNotEmpty()
  @IsString()
  text!: string;
}

class TestCommittedPayload {
  @IsUscc()
  @IsString()
  uscc!: string;

  @ValidateNested({ each: true })
  @Type(() => TestCommitment)
  @ArrayMinSize(1)
  @IsArray()
  commitments!: TestCommitment[];
}

const Committed = defineEventType({
  type: 'zone.approval.enterprise.committed.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalEnterpriseV1,
  payload: TestCommittedPayload,
  key: 'uscc',
  summary: 'test: an enterprise made commitments (告知承诺制)',
  example: { uscc: '91130871MA0CXQ123U', commitments: [{ text: '符合消防安全条件' }] },
});

const registry = new EventTypeRegistry([Committed]);
const good = createEvent(Committed, Committed.example, {
  id: 'evt-1',
  source: '/departments/SPJ/systems/approval',
  time: '2026-11-27T08:00:00Z',
});
const withData = (data: unknown): CloudEvent => ({ ...good, data });
const failures = (event: unknown) => registry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);

describe('EventTypeRegistry', () => {
  it('finds definitions by type and lists them', () => {
    expect(registry.get('zone.approval.enterprise.committed.v1')).toBe(Committed);
    expect(registry.get('zone.approval.enterprise.unknown.v1')).toBeUndefined();
    expect(registry.all()).toEqual([Committed]);
  });

  it('accepts a valid event and returns its definition', () => {
    expect(registry.validate(good)).toEqual({ ok: true, errors: [], definition: Committed });
  });

  it('refuses an unregistered type by name', () => {
    expect(failures({ ...good, type: 'zone.approval.enterprise.unknown.v1' })).toEqual(['type:registered']);
  });

  it('does not add "unregistered" to a malformed type', () => {
    expect(failures({ ...good, type: 'granted' })).toEqual(['type:isEventType']);
  });

  it('reports envelope and payload problems together', () => {
    expect(failures({ ...good, time: 'now', data: { ...Committed.example, uscc: '91130871MA0CXQ123X' } })).toEqual([
      'time:isRfc3339',
      'data.uscc:usccChecksum',
    ]);
  });

  it('flattens nested errors into dotted paths', () => {
    expect(failures(withData({ uscc: '91130871MA0CXQ123U', commitments: [{ text: '' }, { text: 3 }] }))).toEqual([
      'data.commitments[0].text:isNotEmpty',
      'data.commitments[1].text:isString',
    ]);
  });

  it('reads as an older consumer: unknown properties of a known version accepted, the rest of the contract held', () => {
    const tolerant = (event: unknown) =>
      registry.validate(event, { unknownProperties: 'accept' }).errors.map((e) => `${e.field}:${e.rule}`);
    const newer = { ...Committed.example, addedLater: '新增可选字段', commitments: [{ text: 'x', by: 'me' }] };
    expect(tolerant(withData(newer))).toEqual([]);
    expect(failures(withData(newer))).toEqual([
      'data.addedLater:whitelistValidation',
      'data.commitments[0].by:whitelistValidation',
    ]);
    // What the consumer's build does know is checked as strictly, and so are the limits.
    expect(tolerant(withData({ ...newer, commitments: [{ text: '' }] }))).toEqual([
      'data.commitments[0].text:isNotEmpty',
    ]);
    expect(tolerant(withData({ ...newer, addedLater: 'a\u0000' }))).toEqual(['data.addedLater:noNul']);
    expect(tolerant(withData({ ...newer, constructor: 1 }))).toEqual(['data.constructor:forbiddenKey']);
    expect(tolerant(withData({ commitments: [{ text: 'x' }] }))).toEqual(['data.uscc:isString']);
  });

  it('refuses unknown properties, nested ones included', () => {
    expect(failures(withData({ ...Committed.example, extra: 1 }))).toEqual(['data.extra:whitelistValidation']);
    expect(failures(withData({ uscc: '91130871MA0CXQ123U', commitments: [{ text: 'x', by: 'me' }] }))).toEqual([
      'data.commitments[0].by:whitelistValidation',
    ]);
  });

  it('refuses a __proto__ member in data, which the whitelist would not see', () => {
    const data = JSON.parse(
      '{"uscc":"91130871MA0CXQ123U","commitments":[{"text":"x","__proto__":{"admin":true}}]}',
    ) as unknown;
    expect(failures(withData(data))).toEqual(['data.commitments[0].__proto__:forbiddenKey']);
  });

  it('refuses a nested list where a contract has a list of objects (class-validator would look inside it)', () => {
    const granted = createEvent(LicenceGrantedV1, LicenceGrantedV1.example, {
      id: 'evt-1',
      source: '/departments/SPJ/systems/approval',
      time: '2026-11-27T08:00:00Z',
    });
    const event = { ...granted, data: { ...granted.data, commitments: [[{ code: 'C-1', text: 'promise' }]] } };
    const errors = eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
    expect(errors).toEqual(['data.commitments:isObject']);
  });

  it('refuses members named after those of every object, which the whitelist would let through', () => {
    expect(failures(withData({ ...Committed.example, constructor: 'x' }))).toEqual(['data.constructor:forbiddenKey']);
    expect(failures(withData({ uscc: '91130871MA0CXQ123U', commitments: [{ text: 'x', toString: 1 }] }))).toEqual([
      'data.commitments[0].toString:forbiddenKey',
    ]);
  });

  it('wants JSON object data', () => {
    const { data: _data, ...bare } = good;
    expect(failures(bare)).toEqual(['data:isDefined']);
    expect(failures(withData([Committed.example]))).toEqual(['data:isObject']);
    expect(failures(withData(null))).toEqual(['data:isObject']);
    expect(failures({ ...good, datacontenttype: 'application/xml' })).toEqual(['datacontenttype:jsonContentType']);
  });

  it('wants the subject to be the payload’s uscc', () => {
    const { subject: _subject, ...unsubjected } = good;
    expect(failures(unsubjected)).toEqual(['subject:subjectMatchesKey']);
    expect(failures({ ...good, subject: '11220000013544541J' })).toEqual(['subject:subjectMatchesKey']);
  });

  it('wants a partitionkey, when present, to be the payload’s uscc', () => {
    const { partitionkey: _key, ...unkeyed } = good;
    expect(failures(unkeyed)).toEqual([]);
    expect(failures({ ...good, partitionkey: 'other' })).toEqual(['partitionkey:partitionKeyMatchesKey']);
  });

  it('does not change the event it validates', () => {
    const event = structuredClone(withData({ ...Committed.example, extra: 1 }));
    const before = JSON.stringify(event);
    registry.validate(event);
    expect(JSON.stringify(event)).toBe(before);
  });

  it('gives the Kafka key of an event', () => {
    expect(registry.keyOf(good)).toBe('91130871MA0CXQ123U');
    expect(registry.keyOf({ ...good, type: 'zone.approval.enterprise.unknown.v1' })).toBeUndefined();
  });

  it('refuses to register a type twice or two payload classes of one name', () => {
    expect(() => new EventTypeRegistry([Committed, Committed])).toThrow(/declared twice/);
    const Other = defineEventType({
      ...Committed,
      type: 'zone.approval.enterprise.recommitted.v1',
      payload: class TestCommittedPayload {
        uscc!: string;
      },
      key: 'uscc',
      recipient: undefined,
      example: { uscc: '91130871MA0CXQ123U' },
    });
    expect(() => new EventTypeRegistry([Committed, Other])).toThrow(/TestCommittedPayload is used by/);
  });

  describe('jsonSchema', () => {
    const schema = registry.jsonSchema('zone.approval.enterprise.committed.v1')!;

    it('describes the payload, closed to unknown properties, with nested classes as definitions', () => {
      expect(schema).toMatchObject({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'urn:zone-hub:schema:zone.approval.enterprise.committed.v1',
        title: 'zone.approval.enterprise.committed.v1',
        type: 'object',
        additionalProperties: false,
        required: ['uscc', 'commitments'],
        properties: {
          uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
          commitments: { type: 'array', minItems: 1, items: { $ref: '#/definitions/TestCommitment' } },
        },
        definitions: {
          TestCommitment: {
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: { text: { type: 'string', minLength: 1 } },
          },
        },
        examples: [Committed.example],
      });
    });

    it('is computed once and frozen', () => {
      expect(registry.jsonSchema('zone.approval.enterprise.committed.v1')).toBe(schema);
      expect(Object.isFrozen(schema)).toBe(true);
      expect(Object.isFrozen(schema['properties'])).toBe(true);
    });

    it('is undefined for an unknown type', () => {
      expect(registry.jsonSchema('zone.approval.enterprise.unknown.v1')).toBeUndefined();
    });
  });
});
