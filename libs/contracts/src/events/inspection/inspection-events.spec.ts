import 'reflect-metadata';
import { createEvent } from '../../registry/create-event';
import type { EventTypeDefinition } from '../../registry/event-type.definition';
import { eventTypeRegistry } from '../event-types';
import { ResultReportedV1 } from './result-reported-v1/result-reported-v1.event';
import { RiskClassGradedV1 } from './risk-class-graded-v1/risk-class-graded-v1.event';
import { TaskAssignedV1 } from './task-assigned-v1/task-assigned-v1.event';

const INSPECTION_TYPES = eventTypeRegistry.all().filter((d) => d.name.domain === 'inspection');
const failures = (definition: EventTypeDefinition, change: object): string[] => {
  const event = createEvent(definition, { ...definition.example, ...change }, { source: '/apps/inspection' });
  return eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
};

describe('the inspection topics of 双随机、一公开', () => {
  it('declares who emits each type and where it goes', () => {
    expect(INSPECTION_TYPES.map((d) => [d.type, d.owner, d.topic, d.key, d.recipient ?? null])).toEqual([
      ['zone.inspection.risk-class.graded.v1', 'SCJG', 'zone.inspection.risk-class.v1', 'uscc', null],
      ['zone.inspection.plan.locked.v1', 'inspection', 'zone.inspection.plan.v1', 'planId', null],
      ['zone.inspection.plan.drawn.v1', 'inspection', 'zone.inspection.plan.v1', 'planId', null],
      ['zone.inspection.plan.draw-voided.v1', 'inspection', 'zone.inspection.plan.v1', 'planId', null],
      ['zone.inspection.task.assigned.v1', 'inspection', 'zone.inspection.task.v1', 'uscc', 'department'],
      ['zone.inspection.task.cancelled.v1', 'inspection', 'zone.inspection.task.v1', 'uscc', 'department'],
      ['zone.inspection.task.publication-overdue.v1', 'inspection', 'zone.inspection.task.v1', 'uscc', 'department'],
      ['zone.inspection.result.reported.v1', 'each-department', 'zone.inspection.result.v1', 'uscc', null],
      ['zone.inspection.target.frequency-exceeded.v1', 'inspection', 'zone.inspection.target.v1', 'uscc', null],
    ]);
  });

  it.each(INSPECTION_TYPES.map((d) => [d.type, d] as const))('%s has an example that validates', (_, d) => {
    expect(eventTypeRegistry.validate(createEvent(d, d.example, { source: '/apps/inspection' })).errors).toEqual([]);
    expect(eventTypeRegistry.jsonSchema(d.type)?.required).toEqual(expect.arrayContaining([d.key]));
  });

  it.each([
    [{ riskClass: 'E' }, 'data.riskClass:isIn'],
    [{ gradedOn: '2026-13-01' }, 'data.gradedOn:isCalendarDate'],
    [{ source: '' }, 'data.source:isLength'],
  ])('refuses a grading with %j', (change, failure) => {
    expect(failures(RiskClassGradedV1, change)).toEqual([failure]);
  });

  it.each([
    [{ category: 'fine' }, 'data.category:isIn'],
    [{ department: 'XX' }, 'data.department:isDepartmentCode'],
    [{ taskId: 'no spaces' }, 'data.taskId:matches'],
    [{ problems: [''] }, 'data.problems:isLength'],
    [{ resultOn: 'today' }, 'data.resultOn:isCalendarDate'],
  ])('refuses a result with %j', (change, failure) => {
    expect(failures(ResultReportedV1, change)).toEqual([failure]);
  });

  it('names the inspectors of a task by name and certificate number only', () => {
    const text = JSON.stringify(eventTypeRegistry.jsonSchema(TaskAssignedV1.type));
    expect(text).toContain('certificateNo');
    expect(text).not.toMatch(/phone|idNumber/i);
    const extra = createEvent(
      TaskAssignedV1,
      { ...TaskAssignedV1.example, inspectors: [{ id: 'I-01', name: '王强' }] } as never,
      { source: '/apps/inspection' },
    );
    expect(eventTypeRegistry.validate(extra).errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      'data.inspectors[0].certificateNo:isString',
    ]);
  });
});
