import { HubMetrics } from '@hub/observability';
import { cst, pushOf, supervisionFixture } from '../../testing/supervision-fixture';
import { ClaimPush } from '../claim-push/claim-push.use-case';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { ReadLedgers } from './read-ledgers.use-case';

describe('ReadLedgers', () => {
  const setup = async () => {
    const f = supervisionFixture(cst('2026-11-23T09:30:00'));
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2026-11-18T10:00:00')),
      pushOf('SP-2', 'SCJG', cst('2026-11-20T10:00:00')),
    ]);
    const claims = new ClaimPush(f.dataSource, f.repository, f.outbox, f.clock, f.calendar, f.env);
    await claims.claim('SCJG', { approvalId: 'SP-2', actor: 'officer-7' });
    return new ReadLedgers(f.dataSource, f.repository, f.clock, new HubMetrics('supervision', false));
  };

  it('lists what the department has not claimed, what is overdue and what awaits supervision', async () => {
    const ledger = await (await setup()).ledger('SCJG', undefined, 'SCJG');
    expect(ledger.unclaimed.map((r) => r.approvalId)).toEqual(['SP-1']);
    // Pushed Wednesday 11/18 with 2 working days to claim: overdue since the end of Friday 11/20.
    expect(ledger.overdue.map((r) => r.approvalId)).toEqual(['SP-1']);
    expect(ledger.claimedNotSupervised).toEqual([
      expect.objectContaining({ approvalId: 'SP-2', claimedBy: 'officer-7' }),
    ]);
  });

  it('masks the officers for a coordinator reading the ledger of another department (可用不可见)', async () => {
    const ledger = await (await setup()).ledger('SCJG', cst('2026-11-20T12:00:00').toISOString(), 'ZFW');
    expect(ledger.claimedNotSupervised[0].claimedBy).not.toBe('officer-7');
    expect(ledger.overdue).toEqual([]);
  });
});
