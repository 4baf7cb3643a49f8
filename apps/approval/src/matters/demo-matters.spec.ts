import { EVENT_TYPES, LicencePushedV1, LicenceUnassignedV1 } from '@hub/contracts';
import { DEMO_MATTERS } from './demo-matters';

// The catalogue's examples are what a department system copies first: in the demo zone they must take the path they
// describe (a granted licence is pushed to the department that supervises its matter, not left unassigned).
describe('the contract examples and the demo matters', () => {
  const byCode = new Map(DEMO_MATTERS.map((m) => [m.matterCode, m]));

  it('name a demo matter with a supervising department in every example but the unassigned one', () => {
    const examples = EVENT_TYPES.filter((d) => d !== LicenceUnassignedV1).flatMap((d) => {
      const code = (d.example as { matterCode?: unknown }).matterCode;
      return typeof code === 'string' ? [{ type: d.type, code }] : [];
    });
    expect(examples.length).toBeGreaterThan(5);
    const unsupervised = examples.filter(({ code }) => !byCode.get(code)?.departments.length);
    expect(unsupervised).toEqual([]);
  });

  it('push as the demo matter would: to its department, with its name, mode and supervision period', () => {
    const pushed = LicencePushedV1.example;
    const matter = byCode.get(pushed.matterCode);
    expect(matter).toBeDefined();
    expect(matter!.departments).toContain(pushed.department);
    expect({
      matterName: pushed.matterName,
      reformMode: pushed.reformMode,
      supervisionWorkdays: pushed.supervisionWorkdays,
    }).toEqual({
      matterName: matter!.name,
      reformMode: matter!.reformMode,
      supervisionWorkdays: matter!.supervisionWorkdays,
    });
  });

  it('leave the unassigned example to a matter the demo catalogue does not assign', () => {
    expect(byCode.has(LicenceUnassignedV1.example.matterCode)).toBe(false);
  });
});
