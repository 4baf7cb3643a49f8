import { approvalFixture, cst, grant, matter } from '../../testing/approval-fixture';
import { ReceiveDecision } from './receive-decision.use-case';

describe('ReceiveDecision', () => {
  const setup = () => {
    const f = approvalFixture(cst('2026-06-01T09:00:00'));
    // Version 2 adds 卫健局 to the responsibility list from 6/1 on.
    f.tables.matters.push(matter(1, '2026-01-01'), matter(2, '2026-06-01', { departments: ['SCJG', 'WJJ'] }));
    return { f, decisions: new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar) };
  };
  const pushedTo = (f: ReturnType<typeof approvalFixture>, approvalId: string) =>
    f.tables.pushes.filter((p) => p.approvalId === approvalId).map((p) => p.department);

  it('pushes by the catalogue version in force on the decision date (in CST), not on the day it arrives', async () => {
    const { f, decisions } = setup();
    const receivedAt = cst('2026-06-01T09:00:00');
    await decisions.receive(
      f.manager,
      [grant('SP-1', cst('2026-05-31T23:30:00')), grant('SP-2', cst('2026-06-01T00:30:00'))],
      [receivedAt, receivedAt],
    );
    expect(pushedTo(f, 'SP-1')).toEqual(['SCJG']);
    expect(f.tables.approvals.get('SP-1')?.matterVersion).toBe(1);
    expect(pushedTo(f, 'SP-2')).toEqual(['SCJG', 'WJJ']);
    expect(f.tables.approvals.get('SP-2')?.matterVersion).toBe(2);
    expect(f.sent.map((e) => e.type.split('.')[3])).toEqual(['pushed', 'pushed', 'pushed']);
    expect(f.sent[0].data).toMatchObject({ pushedAt: receivedAt.toISOString(), supervisionWorkdays: 20 });
  });

  it('keeps an approval nobody is listed for waiting for the coordinator, its push limit running from the decision', async () => {
    const { f, decisions } = setup();
    // Decided on the Tuesday before 国庆 2025; received only after the holiday: the limit still ends on 10/10.
    const decidedAt = cst('2025-09-30T10:00:00');
    await decisions.receive(
      f.manager,
      [grant('SP-3', decidedAt, { matterCode: 'SPJ-XX-404' })],
      [cst('2025-10-09T10:00:00')],
    );
    expect(f.tables.approvals.get('SP-3')).toMatchObject({
      state: 'unassigned',
      matterName: '未列入目录的事项 SPJ-XX-404',
      pushDueDate: '2025-10-10',
      nextNoticeAt: cst('2025-10-10T00:00:00'),
    });
    expect(f.sent).toEqual([
      expect.objectContaining({
        type: expect.stringMatching(/\.licence\.unassigned\.v1$/),
        data: expect.objectContaining({ pushDueDate: '2025-10-10' }),
      }),
    ]);
    expect(f.tables.pushes).toEqual([]);
  });

  it('applies a decision received already once', async () => {
    const { f, decisions } = setup();
    const event = grant('SP-4', cst('2026-06-01T08:00:00'));
    await decisions.receive(f.manager, [event, event], [f.clock.now(), f.clock.now()]);
    await decisions.receive(f.manager, [event], [f.clock.now()]);
    expect(pushedTo(f, 'SP-4')).toEqual(['SCJG', 'WJJ']);
    expect(f.sent).toHaveLength(2);
  });

  it('closes the revocation request a revoking decision answers, with a step on the revoked approval', async () => {
    const { f, decisions } = setup();
    await f.linkage.addRevocationRequest(f.manager, {
      requestId: 'rq-1',
      approvalId: 'SP-0',
      uscc: 'x',
      licenceNo: 'JY1',
      department: 'SCJG',
      reason: '承诺不实',
      requestedAt: cst('2026-05-30T10:00:00'),
      state: 'open',
      revokedByApprovalId: null,
    });
    await decisions.receive(
      f.manager,
      [grant('SP-5', cst('2026-06-01T08:00:00'), { revocationRequestId: 'rq-1' })],
      [f.clock.now()],
    );
    expect(f.tables.requests.get('rq-1')).toMatchObject({ state: 'revoked', revokedByApprovalId: 'SP-5' });
    expect(f.tables.timeline.find((t) => t.kind === 'revoked')).toMatchObject({
      approvalId: 'SP-0',
      department: 'SCJG',
    });
  });
});
