import { CloudEvent } from '@hub/contracts';
import { ingressViolations } from './ingress-policy';

describe('ingressViolations', () => {
  const event: CloudEvent = {
    specversion: '1.0',
    id: 'evt-1',
    source: '/departments/SPJ/systems/approval',
    type: 'zone.approval.enterprise.registered.v1',
    department: 'SPJ',
  };

  it('lets a department publish its own types from its own systems', () => {
    expect(ingressViolations(event, 'SPJ', 'SPJ')).toEqual([]);
  });

  it('refuses a type another department owns', () => {
    expect(ingressViolations(event, 'SPJ', 'SCJG').map((e) => `${e.field}:${e.rule}`)).toEqual(['type:owner']);
  });

  it('refuses an event claiming another department, naming each field', () => {
    const forged = { ...event, department: 'SCJG', source: '/departments/SCJG/systems/x' };
    expect(ingressViolations(forged, 'SPJ', 'SPJ').map((e) => `${e.field}:${e.rule}`)).toEqual([
      'department:matches-ingress',
      'source:matches-ingress',
    ]);
  });
});
