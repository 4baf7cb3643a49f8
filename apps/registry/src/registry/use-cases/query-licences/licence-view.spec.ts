import type { AssertedCaller } from '@hub/assertion';
import type { LicenceRow, LicenceTypeRow } from '../../registry-rows';
import { licenceView, mayRead, seesPersonalData } from './licence-view';

const licence = {
  licenceId: 'L1',
  department: 'SPJ',
  holderKind: 'person',
  personName: '张三丰',
  personIdNumber: '11010519491231002X',
} as LicenceRow;
const type = { issuingDepartments: ['SPJ'], readerDepartments: ['SCJG'] } as unknown as LicenceTypeRow;
const caller = (department: string, kind: 'system' | 'person' = 'system', roles: string[] = []): AssertedCaller => ({
  kind,
  department,
  roles,
  subject: 's',
  id: 'j',
});

describe('who reads a licence, and who sees its personal data (可用不可见)', () => {
  it('lets the issuing and reading departments read it, auditors and operators anywhere, no one else', () => {
    expect(mayRead(caller('SPJ'), type, licence)).toBe(true);
    expect(mayRead(caller('SCJG'), type, licence)).toBe(true);
    expect(mayRead(caller('YJJ'), type, licence)).toBe(false);
    expect(mayRead(caller('XXHZX', 'person', ['auditor']), type, licence)).toBe(true);
    expect(mayRead(caller('XXHZX', 'person', ['admin']), type, licence)).toBe(false);
  });

  it('shows personal data to the issuing department’s systems and supervisors alone', () => {
    expect(seesPersonalData(caller('SPJ'), licence)).toBe(true);
    expect(seesPersonalData(caller('SPJ', 'person', ['supervisor']), licence)).toBe(true);
    expect(seesPersonalData(caller('SPJ', 'person', ['viewer']), licence)).toBe(false);
    expect(seesPersonalData(caller('SCJG'), licence)).toBe(false);
    expect(seesPersonalData(caller('XXHZX', 'person', ['auditor']), licence)).toBe(false);
  });

  it('masks the name, the ID number and the history’s copies of them', () => {
    const versions = [
      { version: 1, data: { personName: '张三丰', personIdNumber: '11010519491231002X', licenceId: 'L1' } },
    ];
    expect(licenceView(licence, versions, false)).toMatchObject({
      personName: '张**',
      personIdNumber: '11**************2X',
      masked: true,
      history: [{ version: 1, data: { personName: '张**', personIdNumber: '11**************2X', licenceId: 'L1' } }],
    });
    expect(licenceView(licence, versions, true)).toMatchObject({ personName: '张三丰', masked: false });
  });
});
