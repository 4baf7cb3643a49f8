import 'reflect-metadata';
import { createEvent } from '../../registry/create-event';
import { eventTypeRegistry } from '../event-types';
import { LicenceGrantedV1 } from './licence-granted-v1/licence-granted-v1.event';
import { LicencePushedV1 } from './licence-pushed-v1/licence-pushed-v1.event';
import { LicenceRevokedV1 } from './licence-revoked-v1/licence-revoked-v1.event';

const LICENCE_TYPES = eventTypeRegistry.all().filter((d) => d.topic === 'zone.approval.licence.v1');
const failures = (definition: typeof LicenceGrantedV1 | typeof LicencePushedV1, change: object): string[] => {
  const event = createEvent(definition, { ...definition.example, ...change } as never, {
    source: '/departments/SPJ/systems/approval',
  });
  return eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
};

describe('the licence topic of 审管衔接', () => {
  it('carries the 审批局 decisions and the approval app pushes and notices, all keyed by uscc', () => {
    expect(LICENCE_TYPES.map((d) => [d.type, d.owner, d.key])).toEqual([
      ['zone.approval.licence.granted.v1', 'SPJ', 'uscc'],
      ['zone.approval.licence.changed.v1', 'SPJ', 'uscc'],
      ['zone.approval.licence.renewed.v1', 'SPJ', 'uscc'],
      ['zone.approval.licence.revoked.v1', 'SPJ', 'uscc'],
      ['zone.approval.licence.cancelled.v1', 'SPJ', 'uscc'],
      ['zone.approval.licence.pushed.v1', 'approval', 'uscc'],
      ['zone.approval.licence.unassigned.v1', 'approval', 'uscc'],
      ['zone.approval.licence.push-reminded.v1', 'approval', 'uscc'],
      ['zone.approval.licence.push-overdue.v1', 'approval', 'uscc'],
      ['zone.approval.licence.push-escalated.v1', 'approval', 'uscc'],
    ]);
  });

  it.each(LICENCE_TYPES.map((d) => [d.type, d] as const))('%s has an example that validates and a schema', (_, d) => {
    const event = createEvent(d, d.example, { source: '/apps/approval' });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
    expect(eventTypeRegistry.jsonSchema(d.type)).toMatchObject({
      title: d.type,
      properties: { uscc: { type: 'string' }, approvalId: { type: 'string' } },
    });
  });

  it('keeps the inherited decision fields in the JSON Schema of a subclass', () => {
    expect(eventTypeRegistry.jsonSchema(LicenceRevokedV1.type)?.required).toEqual(
      expect.arrayContaining(['uscc', 'approvalId', 'matterCode', 'licenceNo', 'decidedAt', 'reason']),
    );
  });

  it.each([
    [{ approvalId: '' }, 'data.approvalId:matches'],
    [{ matterCode: 'food' }, 'data.matterCode:matches'],
    [{ decidedAt: '2026-11-20' }, 'data.decidedAt:isRfc3339'],
    [{ commitments: [] }, 'data.commitments:arrayMinSize'],
    [{ commitments: [{ code: 'C1', text: '' }] }, 'data.commitments[0].text:isLength'],
    [{ validUntil: '2031-02-30' }, 'data.validUntil:isCalendarDate'],
  ])('refuses a grant with %j', (change, failure) => {
    expect(failures(LicenceGrantedV1, change)).toEqual([failure]);
  });

  it.each([
    [{ department: 'NOPE' }, 'data.department:isDepartmentCode'],
    [{ reformMode: 'fast' }, 'data.reformMode:isIn'],
    [{ decision: 'approved' }, 'data.decision:isIn'],
    [{ supervisionWorkdays: 0 }, 'data.supervisionWorkdays:min'],
  ])('refuses a push with %j', (change, failure) => {
    expect(failures(LicencePushedV1, change)).toEqual([failure]);
  });
});
