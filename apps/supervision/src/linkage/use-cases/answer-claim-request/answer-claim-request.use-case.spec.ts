import { createEvent, PushClaimRequestedV1, stableId } from '@hub/contracts';
import { cst, pushOf, supervisionFixture, USCC } from '../../testing/supervision-fixture';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { AnswerClaimRequest } from './answer-claim-request.use-case';

describe('AnswerClaimRequest', () => {
  const now = cst('2026-11-23T09:30:00');
  const request = (approvalId: string, at = cst('2026-11-23T09:00:00')) =>
    createEvent(
      PushClaimRequestedV1,
      { uscc: USCC, approvalId, actor: 'scjg-system', at: at.toISOString() },
      { source: '/departments/SCJG', department: 'SCJG' },
    );
  const setup = async () => {
    const f = supervisionFixture(now);
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2026-11-20T10:00:00')),
    ]);
    return { f, answer: new AnswerClaimRequest(f.repository, f.outbox, f.clock, f.env) };
  };

  it('answers with push.claimed under an id derived from the request, applied when read back', async () => {
    const { f, answer } = await setup();
    const event = request('SP-1');
    await answer.answer(f.manager, event);
    expect(f.sent).toEqual([
      {
        events: [expect.objectContaining({ id: stableId('claim-requested', event.source, event.id) })],
        applyWhenReadBack: true,
      },
    ]);
    expect(f.events()[0].type).toMatch(/\.push\.claimed\.v1$/);
    expect(f.pushes.row('SP-1', 'SCJG')?.state).toBe('pushed');
  });

  it('holds a request that comes before its push, with no answer yet', async () => {
    const { f, answer } = await setup();
    const event = request('SP-2');
    await answer.answer(f.manager, event);
    expect(f.events()).toEqual([]);
    expect(f.pushes.row('SP-2', 'SCJG')).toMatchObject({
      state: 'held',
      heldClaimId: stableId('claim-requested', event.source, event.id),
    });
  });

  it('refuses a request on a push the department returned, saying why', async () => {
    const { f, answer } = await setup();
    await f.pushes.update(f.manager, 'SP-1', 'SCJG', { state: 'returned' });
    await answer.answer(f.manager, request('SP-1'));
    expect(f.events()).toEqual([
      expect.objectContaining({
        type: expect.stringMatching(/\.push\.claim-refused\.v1$/),
        data: expect.objectContaining({ reason: 'SCJG returned approval SP-1' }),
      }),
    ]);
  });
});
