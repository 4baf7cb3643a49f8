import { DeadLetterRecordedV1, EnterpriseRegisteredV1, createEvent } from '@hub/contracts';
import { ADDRESSED_TYPES, mayReceive } from './delivery-scope';

describe('mayReceive (who gets an event)', () => {
  const notice = (department: string) =>
    createEvent(DeadLetterRecordedV1, { ...DeadLetterRecordedV1.example, department }, { source: '/apps/console' });
  const registered = createEvent(EnterpriseRegisteredV1, EnterpriseRegisteredV1.example, {
    source: '/departments/SPJ/systems/registration',
  });

  it('gives a dead-letter notice to the department that published the event, entitled or not', () => {
    expect(mayReceive('SPJ', notice('SPJ'), false)).toBe(true);
    expect(mayReceive('SPJ', notice('SPJ'), true)).toBe(true);
  });

  it("never gives a department another department's notice, even one entitled to the type", () => {
    expect(mayReceive('SCJG', notice('SPJ'), false)).toBe(false);
    expect(mayReceive('SCJG', notice('SPJ'), true)).toBe(false);
  });

  it('gives a notice that names no department to nobody', () => {
    const { department: _department, ...nameless } = DeadLetterRecordedV1.example;
    const event = { ...notice('SPJ'), data: nameless };
    expect(mayReceive('SPJ', event, true)).toBe(false);
  });

  it('gives any other event to the entitled departments alone', () => {
    expect(mayReceive('SCJG', registered, true)).toBe(true);
    expect(mayReceive('SCJG', registered, false)).toBe(false);
  });

  it('knows the addressed types from the contracts', () => {
    expect([...ADDRESSED_TYPES]).toEqual([
      DeadLetterRecordedV1.type,
      'zone.inspection.task.assigned.v1',
      'zone.inspection.task.cancelled.v1',
      'zone.inspection.task.publication-overdue.v1',
    ]);
  });
});
