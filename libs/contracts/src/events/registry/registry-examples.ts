import type { LicenceRecordBase, LicenceStatusBase } from './licence-record.base';
import type { SealRecordBase } from './seal.base';

// A real one: the file's SM3 digest and an SM2 signature over it that OpenSSL 3 made
// (`openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678`) with the key of EXAMPLE_ISSUER_KEY.
/** The example issuer's SM2 public key (SubjectPublicKeyInfo, PEM). */
export const EXAMPLE_ISSUER_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEnnHn8f2Dgv14zM5ECAwLMj2s3Gsi
8D+SIgo4W8IV5jz1nCq41kEJ1g8gZkpyTF7rxJpM5v/g/g6rLZLe07h38g==
-----END PUBLIC KEY-----
`;

export const LICENCE_EXAMPLE: LicenceRecordBase = {
  licenceId: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  issuer: '11220000013544541J',
  licenceName: '食品经营许可证',
  holderKind: 'enterprise',
  holderUscc: '91130871MA0CXQ123U',
  holderName: '承德高新区示例食品有限公司',
  approvalId: 'SP-2026-000123',
  issuedOn: '2026-11-20',
  validFrom: '2026-11-20',
  validUntil: '2031-11-19',
  file: { mediaType: 'application/ofd', content: ['6aOf5ZOB57uP6JCl6K645Y+v6K+BIEpZMTEzMDg3MTAwMDAxMjM='] },
  fileDigest: '150d648b360ee2fabfb5e327d4c0adfb02d0ec0ee518c68adb9274a21654aab0',
  signature: 'MEQCIE+jZ67pjoaCecPBlL6iOJ9wPotRgrIeZoCC+2G5l5jiAiAdZfxPc3SAPndEJOCNv10TWOzbjJZFDe/WKVjjt19hLA==',
  at: '2026-11-20T10:05:00+08:00',
};

export const LICENCE_STATUS_EXAMPLE: LicenceStatusBase = {
  licenceId: LICENCE_EXAMPLE.licenceId,
  at: '2027-03-01T09:00:00+08:00',
  reason: '依申请',
};

export const SEAL_EXAMPLE: SealRecordBase = {
  sealCode: '1308710012345',
  uscc: '91130871MA0CXQ123U',
  at: '2026-11-20T11:00:00+08:00',
  sealType: '01',
  sealName: '承德高新区示例食品有限公司',
  holderKind: 'enterprise',
  holderName: '承德高新区示例食品有限公司',
  validFrom: '2026-11-20',
  validUntil: '2031-11-19',
  certificate: { subject: 'CN=承德高新区示例食品有限公司,O=承德高新区示例食品有限公司,C=CN', serialNumber: '7A3F09C1' },
};

export const GAP_EXAMPLE = {
  gapId: 'licence-missing:SP-2026-000123',
  kind: 'licence-missing' as const,
  subject: 'SP-2026-000123',
  uscc: '91130871MA0CXQ123U',
  department: 'SPJ',
  licenceType: '11100000000013338W032',
  since: '2026-11-20T10:00:00+08:00',
  detail: '许可已作出，电子证照尚未归集',
};
