import { CloudEvent, EACH_DEPARTMENT } from '@hub/contracts';
import { publishViolations, withDepartment } from './publish-policy';

describe('publishViolations', () => {
  const event: CloudEvent = {
    specversion: '1.0',
    id: 'evt-1',
    source: '/departments/SPJ/systems/approval',
    type: 'zone.approval.enterprise.registered.v1',
    department: 'SPJ',
  };
  const rules = (e: CloudEvent, department: string, owner: string) =>
    publishViolations(e, department, owner).map((x) => `${x.field}:${x.rule}`);

  it('lets a department publish its own types from its own systems', () => {
    expect(publishViolations(event, 'SPJ', 'SPJ')).toEqual([]);
  });

  it('lets the department extension be left out', () => {
    expect(publishViolations({ ...event, department: undefined }, 'SPJ', 'SPJ')).toEqual([]);
  });

  it('refuses a type another department (or an app) owns', () => {
    expect(rules(event, 'SPJ', 'SCJG')).toEqual(['type:owner']);
    expect(publishViolations(event, 'SPJ', 'SCJG')[0].message).toBe(`${event.type} is owned by SCJG, not SPJ`);
    expect(rules(event, 'SPJ', 'supervision')).toEqual(['type:owner']);
  });

  it('lets every department publish an each-department type, for itself only', () => {
    const claim = { ...event, type: 'zone.supervision.push.claim-requested.v1' };
    expect(rules(claim, 'SPJ', EACH_DEPARTMENT)).toEqual([]);
    const scjg = { ...claim, department: 'SCJG', source: '/departments/SCJG/systems/case' };
    expect(rules(scjg, 'SCJG', EACH_DEPARTMENT)).toEqual([]);
    expect(rules(scjg, 'SPJ', EACH_DEPARTMENT)).toEqual(['department:matchesDepartment', 'source:matchesDepartment']);
  });

  it('refuses an event claiming another department, naming each field', () => {
    const forged = { ...event, department: 'SCJG', source: '/departments/SCJG/systems/x' };
    expect(rules(forged, 'SPJ', 'SPJ')).toEqual(['department:matchesDepartment', 'source:matchesDepartment']);
  });

  it('wants the source under the department, not a look-alike prefix', () => {
    expect(rules({ ...event, source: '/departments/SPJX/systems/x' }, 'SPJ', 'SPJ')).toEqual([
      'source:matchesDepartment',
    ]);
    expect(rules({ ...event, source: '/departments/SPJ' }, 'SPJ', 'SPJ')).toEqual(['source:matchesDepartment']);
  });

  it("wants the signing system's own source when the system is known, not another system's of the department", () => {
    const as = (source: string) =>
      publishViolations({ ...event, source }, 'SPJ', 'SPJ', 'approval').map((x) => `${x.field}:${x.rule}`);
    expect(as('/departments/SPJ/systems/approval')).toEqual([]);
    expect(as('/departments/SPJ/systems/approval/desk-2')).toEqual([]);
    expect(as('/departments/SPJ/systems/registration')).toEqual(['source:matchesSystem']);
    expect(as('/departments/SPJ/systems/approval-2')).toEqual(['source:matchesSystem']);
    expect(as('/departments/SPJ/other')).toEqual(['source:matchesSystem']);
    expect(as('/departments/SCJG/systems/approval')).toEqual(['source:matchesDepartment']);
  });
});

describe('withDepartment', () => {
  const base: CloudEvent = { specversion: '1.0', id: 'e', source: '/departments/SPJ/systems/a', type: 'zone.a.b.c.v1' };

  it('fills the department in when absent and keeps one that is set', () => {
    expect(withDepartment(base, 'SPJ').department).toBe('SPJ');
    expect(withDepartment({ ...base, department: 'SPJ' }, 'SCJG').department).toBe('SPJ');
  });
});
