import type { Clock } from '@hub/workdays';
import { FakeRegistry, fixedClock, registryEnv } from '../../testing/registry-fakes';
import type { SealRow } from '../../registry-rows';
import { WatchSealWindows } from './watch-seal-windows.use-case';

const NOW = new Date('2026-12-04T02:00:00Z');
const USCC = '91130871MA0CXQ123U';

describe('WatchSealWindows (企业设立同步发放电子印章)', () => {
  let fake: FakeRegistry;
  let useCase: WatchSealWindows;
  const establish = (dueAt: Date) =>
    fake.establishments.set(USCC, {
      uscc: USCC,
      approvalId: 'SP-1',
      department: 'SPJ',
      establishedAt: new Date(dueAt.getTime() - 1000),
      dueAt,
      sealsCompleteAt: null,
      alerted: false,
    });

  beforeEach(() => {
    fake = new FakeRegistry();
    const env = registryEnv({ REGISTRY_REQUIRED_SEAL_TYPES: '01,02,03' });
    useCase = new WatchSealWindows(
      fake.dataSource,
      fake.repository,
      fake.gaps,
      fake.outbox,
      fixedClock(NOW) as Clock,
      env,
    );
  });

  it('raises the alert of an enterprise past its window, naming the seals it lacks, since the window ended', async () => {
    establish(new Date(NOW.getTime() - 1));
    fake.seals.set('S1', { sealCode: 'S1', uscc: USCC, sealType: '02', status: 'made' } as SealRow);
    expect(await useCase.watch(100)).toBe(1);
    expect(fake.opened).toEqual([
      expect.objectContaining({
        kind: 'seal-set-late',
        subject: USCC,
        since: new Date(NOW.getTime() - 1),
        detail: expect.stringMatching(/缺 法定名称章、发票专用章$/),
      }),
    ]);
    expect(fake.queries.some((q) => q.sql.includes('SET alerted = true'))).toBe(true);
  });

  it('leaves an enterprise whose window has not passed', async () => {
    establish(new Date(NOW.getTime() + 1));
    expect(await useCase.watch(100)).toBe(0);
    expect(fake.opened).toEqual([]);
  });
});
