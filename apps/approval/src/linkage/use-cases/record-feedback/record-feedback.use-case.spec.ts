import { createEvent, PushClaimedV1, PushRevocationRequestedV1, PushReturnedV1 } from '@hub/contracts';
import { approvalFixture, cst, grant, matter } from '../../testing/approval-fixture';
import { ReceiveDecision } from '../receive-decision/receive-decision.use-case';
import { RecordFeedback } from './record-feedback.use-case';

describe('RecordFeedback', () => {
  const act = { uscc: '91130800MA0000000X', approvalId: 'SP-1', pushId: 'p-1', department: 'SCJG', actor: 'officer-7' };
  const source = { source: '/apps/supervision' };
  const at = cst('2026-06-03T10:00:00').toISOString();
  const request = createEvent(
    PushRevocationRequestedV1,
    { ...act, at, requestId: 'rq-1', actionId: 'a-1', licenceNo: 'JY1', reason: '承诺不实' },
    source,
  );

  it('records each act on the timeline once, with what it says (a return, with its reason)', async () => {
    const f = approvalFixture(cst('2026-06-03T10:00:01'));
    const feedback = new RecordFeedback(f.linkage);
    const claimed = createEvent(PushClaimedV1, { ...act, at, channel: 'desk' }, source);
    const returned = createEvent(
      PushReturnedV1,
      { ...act, at, reason: '不属本部门', suggestedDepartment: 'WJJ' },
      source,
    );
    await feedback.record(f.manager, [claimed, returned]);
    await feedback.record(f.manager, [claimed]);
    expect(f.tables.timeline.map((t) => [t.kind, t.actor, t.detail])).toEqual([
      ['claimed', 'officer-7', { pushId: 'p-1', channel: 'desk' }],
      ['returned', 'officer-7', { pushId: 'p-1', reason: '不属本部门', suggestedDepartment: 'WJJ' }],
    ]);
  });

  it('opens a revocation request for a false commitment', async () => {
    const f = approvalFixture(cst('2026-06-03T10:00:01'));
    await new RecordFeedback(f.linkage).record(f.manager, [request]);
    expect(f.tables.requests.get('rq-1')).toMatchObject({ state: 'open', licenceNo: 'JY1', department: 'SCJG' });
  });

  it('closes at once a request read after the revocation that answers it (a replay reads the topics side by side)', async () => {
    const f = approvalFixture(cst('2026-06-03T10:00:01'));
    f.tables.matters.push(matter(1, '2026-01-01'));
    await new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar).receive(
      f.manager,
      [grant('SP-2', cst('2026-06-03T11:00:00'), { revocationRequestId: 'rq-1' })],
      [f.clock.now()],
    );
    await new RecordFeedback(f.linkage).record(f.manager, [request]);
    expect(f.tables.requests.get('rq-1')).toMatchObject({ state: 'revoked', revokedByApprovalId: 'SP-2' });
    expect(f.tables.timeline.filter((t) => t.approvalId === 'SP-1').map((t) => t.kind)).toEqual([
      'revocation-requested',
      'revoked',
    ]);
  });
});
