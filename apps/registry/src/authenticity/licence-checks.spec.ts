import { ELicenceIssuedV1, EXAMPLE_ISSUER_KEY, LicenceRecordBase, licenceFileBytes } from '@hub/contracts';
import type { LicenceTypeRow } from '../registry/registry-rows';
import {
  addMonths,
  checkRecord,
  firstFailure,
  statusAgainstFacts,
  transitionOf,
  type CheckContext,
} from './licence-checks';
import { sm2PublicKeyFromPem } from './sm2';

const example = ELicenceIssuedV1.example;
const key = sm2PublicKeyFromPem(EXAMPLE_ISSUER_KEY);
const type: LicenceTypeRow = {
  typeCode: '11100000000013338W032',
  name: '食品经营许可证',
  issuingDepartments: ['SPJ'],
  matterCodes: ['SPJ-SPJY-001'],
  readerDepartments: [],
  validityMonths: 60,
  establishes: false,
  updatedAt: new Date(),
  updatedBy: 'test',
};
const context = (change: Partial<CheckContext> = {}): CheckContext => ({
  department: 'SPJ',
  licenceType: type,
  issuerKey: { department: 'SPJ', publicKeyHex: key.ok ? key.hex : '' },
  file: licenceFileBytes(example.file),
  status: 'issued',
  transition: { ok: true },
  today: '2026-12-04',
  ...change,
});
const failed = (record: LicenceRecordBase, change: Partial<CheckContext> = {}) =>
  firstFailure(checkRecord(record, context(change)));

describe('真实有效: the checks of an e-licence', () => {
  it('passes the catalogue example: its SM2 signature, made by OpenSSL, verifies with the example key', () => {
    expect(failed(example)).toBeUndefined();
  });

  it('names the identifier when the check character or the issuer is wrong, or the type is not catalogued', () => {
    expect(failed({ ...example, licenceId: example.licenceId.replace(/F$/, 'G') })).toMatchObject({
      check: 'identifier',
      detail: expect.stringMatching(/MOD 37,36 gives F/),
    });
    expect(failed({ ...example, issuer: '91130871MA0CXQ123U' })?.check).toBe('identifier');
    expect(failed(example, { licenceType: undefined })).toMatchObject({ check: 'identifier', detail: /catalogue/ });
  });

  it('names the digest when the stated SM3 is not the file’s', () => {
    expect(failed({ ...example, fileDigest: '0'.repeat(64) })).toMatchObject({ check: 'digest' });
  });

  it('names the issuer key when none is registered, or another department registered it, or it does not issue', () => {
    expect(failed(example, { issuerKey: undefined })).toMatchObject({ check: 'issuerKey', detail: /no public key/ });
    expect(
      failed(example, { department: 'SCJG', issuerKey: { ...context().issuerKey!, department: 'SCJG' } }),
    ).toMatchObject({ check: 'issuerKey', detail: /not an issuing department/ });
    expect(failed(example, { department: 'SCJG' })).toMatchObject({ check: 'issuerKey', detail: /registered by SPJ/ });
  });

  it('names the signature when it does not verify: another file, or another signer id', () => {
    expect(failed(example, { file: Buffer.from('另一个文件') })?.check).toBe('digest');
    const checks = checkRecord(example, context({ file: Buffer.from('另一个文件') }));
    expect(checks.signature.ok).toBe(false);
    expect(failed({ ...example, signerId: 'someone-else' })).toMatchObject({ check: 'signature' });
  });

  it('names the status for a refused step, a revoked approval, a validity too long or past', () => {
    expect(failed(example, { transition: { ok: false, detail: 'changed after revoked' } })).toMatchObject({
      check: 'status',
      detail: 'changed after revoked',
    });
    expect(failed(example, { decision: 'revoked' })).toMatchObject({ check: 'status', detail: /revoked/ });
    expect(failed({ ...example, validUntil: '2032-11-19' })).toMatchObject({ check: 'status', detail: /60 months/ });
    expect(failed(example, { today: '2031-11-20' })).toMatchObject({ check: 'status', detail: /past its validity/ });
    expect(statusAgainstFacts('expired', '2026-11-20', '2031-11-19', { today: '2032-01-01' })).toEqual({ ok: true });
  });

  it('allows the lifecycle’s steps and refuses the others', () => {
    expect(transitionOf('none', 'issued')).toEqual({ ok: true });
    expect(transitionOf('none', 'changed')).toEqual({ ok: false, detail: 'changed before the e-licence was issued' });
    expect(transitionOf('suspended', 'renewed')).toEqual({ ok: true });
    expect(transitionOf('revoked', 'renewed')).toEqual({ ok: false, detail: 'renewed after revoked' });
    expect(transitionOf('cancelled', 'cancelled').ok).toBe(false);
  });

  it('counts validity months to the day before', () => {
    expect(addMonths('2026-11-20', 60)).toBe('2031-11-19');
    expect(addMonths('2026-01-01', 12)).toBe('2026-12-31');
  });
});
