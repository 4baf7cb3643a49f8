import { ELicenceIssuedV1, ELicenceRevokedV1, EXAMPLE_ISSUER_KEY, createEvent } from '@hub/contracts';
import type { HubMessageMeta } from '@hub/messaging';
import type { Clock } from '@hub/workdays';
import { sm2PublicKeyFromPem } from '../../../authenticity/sm2';
import { FakeRegistry, fixedClock } from '../../testing/registry-fakes';
import { RecordLicences, statusOfType } from './record-licences.use-case';

const NOW = new Date('2026-12-04T02:00:00Z');
const example = ELicenceIssuedV1.example;
const meta = (at: Date) => ({ timestamp: String(at.getTime()) }) as HubMessageMeta;
const event = (definition: typeof ELicenceIssuedV1, data: object, department = 'SPJ') =>
  createEvent(definition, data as never, { source: '/departments/SPJ/systems/licences', department });

describe('RecordLicences', () => {
  let fake: FakeRegistry;
  let useCase: RecordLicences;
  const record = (events: ReturnType<typeof event>[], at = NOW) =>
    useCase.record(
      fake.manager,
      events,
      events.map(() => meta(at)),
    );

  beforeEach(() => {
    fake = new FakeRegistry();
    fake.licenceType({ typeCode: '11100000000013338W032' });
    const key = sm2PublicKeyFromPem(EXAMPLE_ISSUER_KEY);
    fake.keys.set(example.issuer, {
      issuer: example.issuer,
      department: 'SPJ',
      publicKeyPem: EXAMPLE_ISSUER_KEY,
      publicKeyHex: key.ok ? key.hex : '',
      registeredAt: NOW,
      registeredBy: 'SPJ/test',
    });
    useCase = new RecordLicences(fake.repository, fake.gaps, fixedClock(NOW) as Clock);
  });

  it('keeps a valid e-licence, closes its grant’s missing gap and records the delay since the grant', async () => {
    fake.grants.set(example.approvalId!, {
      approvalId: example.approvalId!,
      uscc: example.holderUscc!,
      matterCode: 'SPJ-SPJY-001',
      licenceType: '11100000000013338W032',
      department: 'SPJ',
      decidedAt: new Date(NOW.getTime() - 90_000),
      decision: 'granted',
      licenceId: null,
      aggregatedAt: null,
      delayMs: null,
    });
    await record([event(ELicenceIssuedV1, example)]);
    expect(fake.licences.get(example.licenceId)).toMatchObject({ status: 'issued', version: 1, failedCheck: null });
    expect(fake.links).toEqual([
      { approvalId: example.approvalId, licenceId: example.licenceId, aggregatedAt: NOW, delayMs: 90_000 },
    ]);
    expect(fake.closed.map((c) => `${c.kind}:${c.subject}`)).toEqual([
      `licence-missing:${example.approvalId}`,
      `licence-invalid:${example.licenceId}`,
    ]);
    const version = fake.inserted.find((i) => i.table === 'licence_version')!.row;
    expect(version.data).toMatchObject({ file: { mediaType: 'application/ofd', bytes: 38 } });
  });

  it('opens a licence-invalid gap naming the failing check, and closes it when a corrected version checks out', async () => {
    await record([event(ELicenceIssuedV1, { ...example, fileDigest: 'a'.repeat(64) })]);
    expect(fake.opened).toEqual([
      expect.objectContaining({ kind: 'licence-invalid', subject: example.licenceId, check: 'digest', since: NOW }),
    ]);
    await record([event(ELicenceIssuedV1, example)]);
    expect(fake.licences.get(example.licenceId)).toMatchObject({ version: 2, failedCheck: null });
    expect(fake.closed.at(-1)).toMatchObject({ kind: 'licence-invalid', resolution: 'version 2 checks out' });
  });

  it('changes the status of a known e-licence, keeps its checks, and refuses a step the lifecycle forbids', async () => {
    await record([event(ELicenceIssuedV1, example)]);
    await record([event(ELicenceRevokedV1 as never, { licenceId: example.licenceId, at: NOW.toISOString() })]);
    expect(fake.licences.get(example.licenceId)).toMatchObject({ status: 'revoked', version: 2, failedCheck: null });
    expect(fake.inserted.filter((i) => i.table === 'licence_version').map((i) => i.row.version)).toEqual([1, 2]);
    await record([event(ELicenceIssuedV1, example)]);
    expect(fake.licences.get(example.licenceId)).toMatchObject({ status: 'revoked', failedCheck: 'status' });
    expect(fake.opened.at(-1)).toMatchObject({ check: 'status', detail: 'status: issued after revoked' });
  });

  it('refuses a status change of an unknown e-licence and one from another department (dead-lettered)', async () => {
    await expect(
      record([event(ELicenceRevokedV1 as never, { licenceId: example.licenceId, at: NOW.toISOString() })]),
    ).rejects.toThrow(/is not known/);
    await record([event(ELicenceIssuedV1, example)]);
    await expect(record([event(ELicenceIssuedV1, example, 'SCJG')])).rejects.toThrow(/aggregated by SPJ, not SCJG/);
  });

  it('reads the lifecycle status from the type', () => {
    expect(statusOfType('zone.registry.e-licence.suspended.v1')).toBe('suspended');
    expect(() => statusOfType('zone.approval.licence.granted.v1')).toThrow();
  });
});
