import { randomUUID } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { LicenceRecordBase, SealRecordBase, makeLicenceId, licenceFileContent } from '@hub/contracts';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { DepartmentSystems, signedCall } from '@hub/testing';
import { signSm2, sm2PemFromPublicKey, sm3Hex } from '../../apps/registry/src/authenticity/sm2';

/** The defining body of the demo licence types (a real 统一社会信用代码) and the issuer the tests' SPJ registers. */
export const DEFINING_BODY = '11100000000013338W';
export const FOOD_TYPE = `${DEFINING_BODY}032`;
export const BUSINESS_TYPE = `${DEFINING_BODY}001`;
export const ISSUER = '11220000013544541J';

/** An issuing department's system with an SM2 key pair, signing its e-licences as GB/T 32918 says. */
export class Issuer {
  readonly keys = sm2.generateKeyPairHex();
  readonly pem = sm2PemFromPublicKey(this.keys.publicKey);
  private serial = 0;

  constructor(
    readonly run: string,
    readonly issuer = ISSUER,
  ) {}

  licenceId(typeCode = FOOD_TYPE): string {
    return makeLicenceId({ typeCode, issuer: this.issuer, serial: `${this.run}${++this.serial}`, version: '001' });
  }

  /** A signed record; `tamper` changes it after signing (the digest, or the signer's key). */
  record(
    extra: Partial<LicenceRecordBase> & { approvalId?: string },
    tamper: 'digest' | 'forged' | 'none' = 'none',
  ): LicenceRecordBase {
    const licenceId = extra.licenceId ?? this.licenceId();
    // 20 KB, as a small OFD: its base64 travels in several chunks through the gateway.
    const text = Buffer.from(`电子证照 ${licenceId} ${extra.holderName ?? extra.personName ?? ''}`);
    const file = Buffer.concat([text, Buffer.alloc(20_000, 0x20)]);
    const key = tamper === 'forged' ? sm2.generateKeyPairHex().privateKey : this.keys.privateKey;
    return {
      licenceId,
      issuer: this.issuer,
      licenceName: '食品经营许可证',
      holderKind: 'enterprise',
      issuedOn: '2026-12-01',
      validFrom: '2026-12-01',
      validUntil: '2031-11-30',
      file: { mediaType: 'application/ofd', content: licenceFileContent(file) },
      fileDigest: tamper === 'digest' ? sm3Hex(Buffer.concat([file, Buffer.from('!')])) : sm3Hex(file),
      signature: signSm2(file, key).toString('base64'),
      at: new Date().toISOString(),
      ...extra,
    };
  }
}

export function seal(
  uscc: string,
  sealCode: string,
  sealType: SealRecordBase['sealType'],
  extra: Partial<SealRecordBase> = {},
): SealRecordBase {
  return {
    sealCode,
    uscc,
    at: new Date().toISOString(),
    sealType,
    sealName: '承德高新区测试有限公司',
    holderKind: 'enterprise',
    holderName: '承德高新区测试有限公司',
    validFrom: '2026-12-01',
    validUntil: '2031-11-30',
    certificate: { subject: 'CN=承德高新区测试有限公司,C=CN', serialNumber: '0A1B2C' },
    ...extra,
  };
}

/** A department's system publishing one event through the gateway's HTTP intake (structured mode); 202 expected. */
export async function publish(
  systems: DepartmentSystems,
  department: string,
  type: string,
  data: object,
  subject: string,
): Promise<void> {
  const credential = await systems.credential(department);
  const event = {
    specversion: '1.0',
    id: randomUUID(),
    source: `/departments/${department}/systems/case-handling`,
    type,
    subject,
    partitionkey: subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    department,
    data,
  };
  const answer = await signedCall(
    systems.gatewayUrl,
    credential,
    'POST',
    '/v1/events',
    event,
    'application/cloudevents+json',
  );
  if (answer.status !== 202) throw new Error(`publishing ${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A person signed in at the gateway, calling through the door with their session. */
export async function personSession(gatewayUrl: string, username: string, password: string) {
  const response = await fetch(`${gatewayUrl}/v1/people/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 201) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const { session } = (await response.json()) as { session: string };
  return async <T>(path: string): Promise<{ status: number; body: T }> => {
    const answer = await fetch(`${gatewayUrl}${path}`, { headers: { 'hub-session': session } });
    const text = await answer.text();
    return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** A signed GET through the door whose answer is text (the CSV export). */
export async function textCall(systems: DepartmentSystems, department: string, pathAndQuery: string) {
  const credential = await systems.credential(department);
  const [path, query = ''] = pathAndQuery.split(/\?(.*)/s);
  const authorization = signRequest({
    ...credential,
    method: 'GET',
    path: path!,
    query,
    body: '',
    timestamp: unixSeconds(),
    nonce: randomNonce(),
  });
  const response = await fetch(`${systems.gatewayUrl}${pathAndQuery}`, { headers: { authorization } });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}
