import { EACH_DEPARTMENT, exampleDepartmentOf, isEventOwner, mayPublish } from './owners';

describe('event type owners', () => {
  it('are departments, apps, or each department for itself', () => {
    expect(['SPJ', 'supervision', EACH_DEPARTMENT].every(isEventOwner)).toBe(true);
    expect(['spj', 'XYZ', 'every-department', ''].some(isEventOwner)).toBe(false);
  });

  it('let a department publish what it owns, and each-department types', () => {
    expect(mayPublish('SPJ', 'SPJ')).toBe(true);
    expect(mayPublish(EACH_DEPARTMENT, 'SCJG')).toBe(true);
    expect(mayPublish('SPJ', 'SCJG')).toBe(false);
    expect(mayPublish('supervision', 'SCJG')).toBe(false);
    expect(mayPublish(EACH_DEPARTMENT, 'supervision')).toBe(false);
  });

  it('give examples from a department, or none for an app', () => {
    expect(exampleDepartmentOf('SPJ')).toBe('SPJ');
    expect(exampleDepartmentOf(EACH_DEPARTMENT)).toBe('SCJG');
    expect(exampleDepartmentOf('approval')).toBeUndefined();
  });
});
