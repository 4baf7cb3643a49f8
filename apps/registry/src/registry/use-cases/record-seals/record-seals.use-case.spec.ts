import { SealCancelledV1, SealFiledV1, SealMadeV1, createEvent } from '@hub/contracts';
import type { HubMessageMeta } from '@hub/messaging';
import type { Clock } from '@hub/workdays';
import { FakeRegistry, fixedClock, registryEnv } from '../../testing/registry-fakes';
import { RecordSeals } from './record-seals.use-case';
import { missingSealTypes, sealSetComplete } from './seal-set';

const NOW = new Date('2026-12-04T02:00:00Z');
const seal = SealMadeV1.example;
const event = (definition: typeof SealMadeV1, data: object) =>
  createEvent(definition, data as never, { source: '/departments/GAJ/systems/seals', department: 'GAJ' });

describe('RecordSeals', () => {
  let fake: FakeRegistry;
  let useCase: RecordSeals;
  const record = (...events: ReturnType<typeof event>[]) =>
    useCase.record(
      fake.manager,
      events,
      events.map(() => ({ timestamp: String(NOW.getTime()) }) as HubMessageMeta),
    );

  beforeEach(() => {
    fake = new FakeRegistry();
    useCase = new RecordSeals(
      fake.repository,
      fake.gaps,
      fixedClock(NOW) as Clock,
      registryEnv({ REGISTRY_REQUIRED_SEAL_TYPES: '01,02' }),
    );
  });

  it('opens a filing gap for a seal made, and closes it when the seal is filed', async () => {
    await record(event(SealMadeV1, seal));
    expect(fake.opened).toEqual([
      expect.objectContaining({ kind: 'seal-not-filed', subject: seal.sealCode, since: new Date(seal.at) }),
    ]);
    await record(event(SealFiledV1 as never, SealFiledV1.example));
    expect(fake.seals.get(seal.sealCode)).toMatchObject({ filingNo: 'BA-2026-000456', version: 2 });
    expect(fake.closed.at(-1)).toMatchObject({ kind: 'seal-not-filed', resolution: 'filed BA-2026-000456' });
  });

  it('says whose seal it is: a department’s seal is named so in its gap', async () => {
    await record(event(SealMadeV1, { ...seal, holderKind: 'department', holderName: '行政审批局' }));
    expect(fake.opened[0]!.detail).toMatch(/^政务部门电子印章/);
  });

  it('closes the establishment’s late alert once the set is complete', async () => {
    fake.establishments.set(seal.uscc, {
      uscc: seal.uscc,
      approvalId: 'SP-1',
      department: 'SPJ',
      establishedAt: NOW,
      dueAt: NOW,
      sealsCompleteAt: null,
      alerted: true,
    });
    await record(event(SealMadeV1, seal));
    expect(fake.closed.some((c) => c.kind === 'seal-set-late')).toBe(false);
    await record(event(SealMadeV1, { ...seal, sealCode: '1308710012346', sealType: '02' }));
    expect(fake.closed.find((c) => c.kind === 'seal-set-late')).toMatchObject({ subject: seal.uscc });
  });

  it('refuses a filing of an unknown seal and closes the gap of a cancelled one', async () => {
    await expect(record(event(SealFiledV1 as never, SealFiledV1.example))).rejects.toThrow(/not known/);
    await record(event(SealMadeV1, seal));
    await record(event(SealCancelledV1 as never, SealCancelledV1.example));
    expect(fake.seals.get(seal.sealCode)?.status).toBe('cancelled');
    expect(fake.closed.at(-1)).toMatchObject({ kind: 'seal-not-filed', resolution: 'the seal was cancelled' });
  });

  it('knows which seal types of the set are missing', () => {
    expect(missingSealTypes(new Set(['01']), '01,02,03')).toEqual(['02', '03']);
    expect(sealSetComplete(new Set(['01', '02', '99']), '01,02')).toBe(true);
  });
});
