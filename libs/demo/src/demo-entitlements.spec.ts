import 'reflect-metadata';
import { eventTypeRegistry, isDepartmentCode } from '@hub/contracts';
import { DEMO_ENTITLEMENTS } from './demo-entitlements';

describe('the demo entitlements', () => {
  it('name real departments and registered event types, once each', () => {
    for (const { department, eventTypes } of DEMO_ENTITLEMENTS) {
      expect(isDepartmentCode(department)).toBe(true);
      for (const type of eventTypes) expect(eventTypeRegistry.get(type)).toBeDefined();
      expect(new Set(eventTypes).size).toBe(eventTypes.length);
    }
    const departments = DEMO_ENTITLEMENTS.map((e) => e.department);
    expect(new Set(departments).size).toBe(departments.length);
  });

  it('let 市场监管分局 receive the enterprises the 审批局 registers', () => {
    const scjg = DEMO_ENTITLEMENTS.find((e) => e.department === 'SCJG');
    expect(scjg?.eventTypes).toContain('zone.approval.enterprise.registered.v1');
  });
});
