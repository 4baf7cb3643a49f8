import { LicenceGrantedV1, LicenceRevokedV1, createEvent } from '@hub/contracts';
import type { Clock } from '@hub/workdays';
import { FakeRegistry, fixedClock, registryEnv } from '../../testing/registry-fakes';
import type { LicenceRow } from '../../registry-rows';
import { ReceiveGrants } from './receive-grants.use-case';

const NOW = new Date('2026-12-04T02:00:00Z');
const grant = (change: object = {}) =>
  createEvent(LicenceGrantedV1, { ...LicenceGrantedV1.example, ...change } as never, {
    source: '/departments/SPJ/systems/a',
  });

describe('ReceiveGrants', () => {
  let fake: FakeRegistry;
  let useCase: ReceiveGrants;

  beforeEach(() => {
    fake = new FakeRegistry();
    fake.licenceType({ typeCode: '11100000000013338W032', matterCodes: ['SPJ-SPJY-001'] });
    fake.licenceType({
      typeCode: '11100000000013338W001',
      matterCodes: ['SPJ-YYZZ-001'],
      establishes: true,
      name: '营业执照',
    });
    useCase = new ReceiveGrants(
      fake.repository,
      fake.gaps,
      fixedClock(NOW) as Clock,
      registryEnv({ REGISTRY_SEAL_WINDOW_MS: 60_000 }),
    );
  });

  it('owes an e-licence for a catalogued matter: a licence-missing gap since the decision', async () => {
    await useCase.receive(fake.manager, [grant()]);
    const { approvalId, uscc, decidedAt } = LicenceGrantedV1.example;
    expect(fake.grants.get(approvalId)).toMatchObject({
      licenceType: '11100000000013338W032',
      department: 'SPJ',
      licenceId: null,
    });
    expect(fake.opened).toEqual([
      expect.objectContaining({ kind: 'licence-missing', subject: approvalId, uscc, since: new Date(decidedAt) }),
    ]);
  });

  it('owes nothing for a matter no licence type is made of, and takes a grant once', async () => {
    await useCase.receive(fake.manager, [grant({ matterCode: 'SPJ-OTHER-001' })]);
    expect(fake.grants.size).toBe(0);
    await useCase.receive(fake.manager, [grant(), grant()]);
    expect(fake.opened).toHaveLength(1);
  });

  it('links an e-licence that came first, with no gap', async () => {
    const receivedAt = new Date(new Date(LicenceGrantedV1.example.decidedAt).getTime() + 5_000);
    fake.licences.set('L1', {
      licenceId: 'L1',
      approvalId: LicenceGrantedV1.example.approvalId,
      receivedAt,
    } as LicenceRow);
    await useCase.receive(fake.manager, [grant()]);
    expect(fake.grants.get(LicenceGrantedV1.example.approvalId)).toMatchObject({ licenceId: 'L1', delayMs: 5_000 });
    expect(fake.opened).toEqual([]);
  });

  it('starts the seal window of an enterprise whose business licence is granted', async () => {
    await useCase.receive(fake.manager, [grant({ matterCode: 'SPJ-YYZZ-001' })]);
    const decided = new Date(LicenceGrantedV1.example.decidedAt);
    expect(fake.establishments.get(LicenceGrantedV1.example.uscc)).toMatchObject({
      dueAt: new Date(decided.getTime() + 60_000),
      sealsCompleteAt: null,
    });
  });

  it('checks the status of the approval’s e-licences again when it is revoked', async () => {
    await useCase.receive(fake.manager, [grant()]);
    fake.licences.set('L1', {
      licenceId: 'L1',
      approvalId: LicenceGrantedV1.example.approvalId,
      status: 'issued',
      validFrom: '2026-11-20',
      validUntil: null,
      checks: {
        identifier: { ok: true },
        digest: { ok: true },
        issuerKey: { ok: true },
        signature: { ok: true },
        status: { ok: true },
      },
    } as unknown as LicenceRow);
    const revoked = createEvent(
      LicenceRevokedV1,
      { ...LicenceRevokedV1.example, approvalId: LicenceGrantedV1.example.approvalId },
      { source: '/x' },
    );
    await useCase.receive(fake.manager, [revoked]);
    expect(fake.opened.at(-1)).toMatchObject({ kind: 'licence-invalid', subject: 'L1', check: 'status' });
  });
});
