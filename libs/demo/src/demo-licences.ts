import { createHash } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import {
  CloudEvent,
  DEFAULT_SM2_SIGNER_ID,
  ELicenceIssuedV1,
  LicenceGrantedV1,
  LicenceRecordBase,
  SealFiledV1,
  SealMadeV1,
  SealRecordBase,
  SealType,
  makeLicenceId,
  stableId,
  licenceFileContent,
} from '@hub/contracts';
import { demoEnterprises } from './demo-enterprises';

/** The defining body of the demo licence types (国家市场监督管理总局's 统一社会信用代码) and the demo issuer (审批局). */
export const DEMO_DEFINING_BODY = '11100000000013338W';
export const DEMO_ISSUER = '11130800MB1719856K';
/** 市场监管分局's code in the demo (a 机关 code, 11…). */
const DEMO_SCJG_USCC = '11130800MB1719857N';

/** The demo catalogue: three licence types of the demo matters, and the business licence, which establishes. */
export const DEMO_LICENCE_TYPES = [
  { typeCode: `${DEMO_DEFINING_BODY}032`, name: '食品经营许可证', matterCodes: ['SPJ-SPJY-001'], validityMonths: 60 },
  { typeCode: `${DEMO_DEFINING_BODY}041`, name: '药品经营许可证', matterCodes: ['SPJ-YPLS-004'], validityMonths: 60 },
  {
    typeCode: `${DEMO_DEFINING_BODY}055`,
    name: '公共场所卫生许可证',
    matterCodes: ['SPJ-GGWS-005'],
    validityMonths: 48,
  },
  { typeCode: `${DEMO_DEFINING_BODY}001`, name: '营业执照', matterCodes: ['SPJ-YYZZ-000'], establishes: true },
].map((t) => ({ issuingDepartments: ['SPJ'], readerDepartments: ['SCJG'], establishes: false, ...t }));

// The demo issuer's key is derived from a fixed phrase so that every `npm start` signs with the same key. It is a
// demo key, published here: it signs demo licences and nothing else.
const DEMO_PRIVATE_KEY = createHash('sm3').update('承德高新区 演示 颁发机构 SM2 密钥').digest('hex');

/** The demo issuer's SM2 public key as a PEM SubjectPublicKeyInfo. */
export function demoIssuerKeyPem(): string {
  const point = sm2.getPublicKeyFromPrivateKey(DEMO_PRIVATE_KEY);
  // SubjectPublicKeyInfo { id-ecPublicKey, sm2 curve } then the uncompressed point.
  const header = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d03420004', 'hex');
  const der = Buffer.concat([header, Buffer.from(point.slice(2), 'hex')]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
}

const SOURCE = '/departments/SPJ/systems/approval';

const beijingDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The last day of a validity of `years` from `from` (YYYY-MM-DD). */
function lastDay(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}
const DAY = 86_400_000;

function event<T extends object>(type: string, subject: string, data: T, id: string, time: Date): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: stableId('demo-registry', id),
    source: SOURCE,
    type,
    subject,
    partitionkey: subject,
    time: time.toISOString(),
    datacontenttype: 'application/json',
    department: 'SPJ',
    data,
  };
}

function signedRecord(
  licenceId: string,
  fields: Omit<LicenceRecordBase, 'licenceId' | 'issuer' | 'file' | 'fileDigest' | 'signature' | 'at'>,
  at: Date,
  tamper?: 'digest' | 'forged',
): LicenceRecordBase {
  const file = Buffer.from(`${fields.licenceName} ${licenceId} ${fields.holderName ?? fields.personName ?? ''}`);
  const key = tamper === 'forged' ? createHash('sm3').update('伪造者').digest('hex') : DEMO_PRIVATE_KEY;
  const signed = sm2.doSignature(file, key, { der: true, hash: true, userId: DEFAULT_SM2_SIGNER_ID });
  const digested = tamper === 'digest' ? Buffer.concat([file, Buffer.from(' (篡改)')]) : file;
  return {
    licenceId,
    issuer: DEMO_ISSUER,
    ...fields,
    file: { mediaType: 'application/ofd', content: licenceFileContent(file) },
    fileDigest: createHash('sm3').update(digested).digest('hex'),
    signature: Buffer.from(signed, 'hex').toString('base64'),
    at: at.toISOString(),
  };
}

/**
 * The demo zone's licences and seals as the 审批局's systems would publish them, as of `now`: 40 food licences
 * granted, most aggregated in time, some late, some missing, one with a tampered digest and one with a forged
 * signature; a natural person's licence; five enterprises established, two without their seals in time; and two
 * department seals, one not filed. Event ids are fixed, so publishing again adds nothing.
 */
export function demoRegistryEvents(now: Date): CloudEvent[] {
  const enterprises = demoEnterprises(60);
  const food = DEMO_LICENCE_TYPES[0]!;
  const events: CloudEvent[] = [];
  enterprises.slice(0, 40).forEach((e, i) => {
    const approvalId = `SP-DEMO-${String(i + 1).padStart(4, '0')}`;
    const late = i % 10 === 3;
    const decidedAt = new Date(now.getTime() - (late ? (2 + i / 10) * DAY : (i + 1) * 60_000));
    const validFrom = beijingDate(decidedAt);
    const validUntil = lastDay(validFrom, 5);
    const grant = {
      uscc: e.uscc,
      approvalId,
      matterCode: food.matterCodes[0]!,
      licenceNo: `JY1130871${String(i).padStart(7, '0')}`,
      decidedAt: decidedAt.toISOString(),
      validUntil,
    };
    events.push(event(LicenceGrantedV1.type, e.uscc, grant, `grant-${approvalId}`, decidedAt));
    if (i >= 34) return; // 6 granted without an e-licence: 应归尽归 gaps
    const licenceId = makeLicenceId({
      typeCode: food.typeCode,
      issuer: DEMO_ISSUER,
      serial: `2026${String(i + 1).padStart(5, '0')}`,
      version: '001',
    });
    const tamper = i === 7 ? 'digest' : i === 8 ? 'forged' : undefined;
    const record = signedRecord(
      licenceId,
      {
        licenceName: food.name,
        holderKind: 'enterprise',
        holderUscc: e.uscc,
        holderName: e.name,
        approvalId,
        issuedOn: validFrom,
        validFrom,
        validUntil,
      },
      now,
      tamper,
    );
    events.push(event(ELicenceIssuedV1.type, licenceId, record, `licence-${licenceId}`, now));
  });
  const personLicence = makeLicenceId({
    typeCode: DEMO_LICENCE_TYPES[2]!.typeCode,
    issuer: DEMO_ISSUER,
    serial: '202600901',
    version: '001',
  });
  const person = signedRecord(
    personLicence,
    {
      licenceName: DEMO_LICENCE_TYPES[2]!.name,
      holderKind: 'person',
      personName: '王建国',
      personIdNumber: '130802198001010019',
      issuedOn: '2026-11-02',
      validFrom: '2026-11-02',
      validUntil: '2030-11-01',
    },
    now,
  );
  events.push(event(ELicenceIssuedV1.type, personLicence, person, `licence-${personLicence}`, now));

  const business = DEMO_LICENCE_TYPES[3]!;
  enterprises.slice(40, 45).forEach((e, i) => {
    const approvalId = `SP-DEMO-YYZZ-${i + 1}`;
    // Three established two hours ago with their seal set; two established two days ago, one short, one without.
    const decidedAt = new Date(now.getTime() - (i < 3 ? 2 * 3_600_000 : 2 * DAY));
    const grant = {
      uscc: e.uscc,
      approvalId,
      matterCode: business.matterCodes[0]!,
      licenceNo: e.uscc,
      decidedAt: decidedAt.toISOString(),
    };
    events.push(event(LicenceGrantedV1.type, e.uscc, grant, `grant-${approvalId}`, decidedAt));
    const types: SealType[] = i < 3 ? ['01', '02', '03', '04', '05'] : i === 3 ? ['01'] : [];
    for (const type of types) events.push(...sealEvents(e.uscc, e.name, 'enterprise', type, decidedAt, true));
  });
  events.push(...sealEvents(DEMO_ISSUER, '承德高新区行政审批局', 'department', '01', now, true));
  events.push(...sealEvents(DEMO_SCJG_USCC, '承德高新区市场监管分局', 'department', '01', now, false));
  return events;
}

function sealEvents(
  uscc: string,
  holderName: string,
  holderKind: SealRecordBase['holderKind'],
  sealType: SealType,
  at: Date,
  filed: boolean,
): CloudEvent[] {
  const sealCode = `${uscc.slice(10, 17)}${sealType}01`;
  const seal: SealRecordBase = {
    sealCode,
    uscc,
    at: at.toISOString(),
    sealType,
    sealName: holderName,
    holderKind,
    holderName,
    validFrom: at.toISOString().slice(0, 10),
    validUntil: '2031-12-31',
    certificate: {
      subject: `CN=${holderName},C=CN`,
      serialNumber: createHash('sm3').update(sealCode).digest('hex').slice(0, 16),
    },
  };
  const made = event(SealMadeV1.type, uscc, seal, `seal-${sealCode}`, at);
  if (!filed) return [made];
  const filing = { sealCode, uscc, at: at.toISOString(), filingNo: `BA-${sealCode}` };
  return [made, event(SealFiledV1.type, uscc, filing, `filing-${sealCode}`, at)];
}
