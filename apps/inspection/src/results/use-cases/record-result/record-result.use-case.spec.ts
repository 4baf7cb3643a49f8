import type { EntityManager } from 'typeorm';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import type { DataSource } from 'typeorm';
import type { Result, Task, TasksRepository } from '../../../plans/tasks.repository';
import { RecordResult, refusalProblem, resultRefusals } from './record-result.use-case';

const task = (change: Partial<Task> = {}): Task => ({
  id: 'P1.1.1.SCJG',
  planId: 'P1',
  drawId: 'P1.1',
  year: 2026,
  uscc: '91130871MA0CXQ123U',
  department: 'SCJG',
  stratum: 'B',
  inspectors: [{ id: 'S-01', name: '王强', certificateNo: 'S-01' }],
  state: 'assigned',
  createdAt: new Date(),
  ...change,
});

/** The tasks repository's rows in memory: what RecordResult reads and writes. */
function tasksInMemory(rows: Task[]) {
  const results = new Map<string, Result>();
  const repository = {
    find: async (_: EntityManager, id: string) => rows.find((t) => t.id === id) ?? null,
    upsertResult: async (_: EntityManager, r: Omit<Result, 'publishedAt' | 'overdueNoticedAt'>, publish: boolean) => {
      const held = results.get(r.taskId);
      results.set(r.taskId, {
        ...r,
        overdueNoticedAt: null,
        publishedAt: held?.publishedAt ?? (publish ? r.recordedAt : null),
      });
    },
    setState: async (_: EntityManager, id: string, state: Task['state']) => {
      rows.find((t) => t.id === id)!.state = state;
    },
    findResult: async (_: EntityManager, id: string) => results.get(id) ?? null,
    publish: async (_: EntityManager, id: string, at: Date) => {
      const r = results.get(id)!;
      r.publishedAt ??= at;
    },
  };
  return { repository: repository as unknown as TasksRepository, results };
}

describe('RecordResult', () => {
  const now = new Date('2026-12-16T02:00:00Z');
  const setup = (rows: Task[]) => {
    const { repository, results } = tasksInMemory(rows);
    const clock = new Clock();
    clock.setFixed(now);
    const manager = {} as EntityManager;
    const dataSource = { transaction: (work: (m: EntityManager) => unknown) => work(manager) } as unknown as DataSource;
    return { record: new RecordResult(dataSource, repository, clock, new WorkdayCalendar()), results, manager, rows };
  };
  const report = { category: 'rectification-ordered' as const, findings: '标签不全', resultOn: '2026-12-15' };

  it("records a result on the department's own task, with its publication deadline, and marks the task done", async () => {
    const { record, results, manager, rows } = setup([task()]);
    expect(await record.record(manager, 'P1.1.1.SCJG', 'SCJG', report, { actor: 'a', channel: 'person' })).toEqual([]);
    expect(results.get('P1.1.1.SCJG')).toMatchObject({
      publicationDueOn: '2027-01-12',
      publishedAt: null,
      problems: [],
    });
    expect(rows[0]!.state).toBe('done');
    const published = await record.publish('P1.1.1.SCJG', 'SCJG');
    expect(published.publishedAt).toEqual(now);
  });

  it("refuses another department's task, a cancelled or unstaffed one, and a report naming another enterprise", async () => {
    const { record, results, manager } = setup([
      task(),
      task({ id: 'T-C', state: 'cancelled' }),
      task({ id: 'T-U', state: 'unstaffed', inspectors: null }),
    ]);
    const rules = async (id: string, department: string, extra = {}) =>
      (await record.record(manager, id, department, { ...report, ...extra }, { actor: 'a', channel: 'system' })).map(
        (r) => `${r.field}:${r.rule}`,
      );
    expect(await rules('P1.1.1.SCJG', 'YJJ')).toEqual(['department:ownTask']);
    expect(await rules('T-C', 'SCJG')).toEqual(['taskId:openTask']);
    expect(await rules('T-U', 'SCJG')).toEqual(['taskId:staffedTask']);
    expect(await rules('P1.1.1.SCJG', 'SCJG', { uscc: '91130871MA0CXQ234M' })).toEqual(['uscc:matchesTask']);
    expect(await rules('nope', 'SCJG')).toEqual(['taskId:knownTask']);
    expect(results.size).toBe(0);
  });

  it('answers refusals as problem details: 404 unknown, 403 not yours, 409 otherwise', async () => {
    expect(refusalProblem(resultRefusals(null, 'SCJG', { taskId: 'x' })).getStatus()).toBe(404);
    expect(refusalProblem(resultRefusals(task(), 'YJJ', { taskId: 'x' })).getStatus()).toBe(403);
    expect(refusalProblem(resultRefusals(task({ state: 'cancelled' }), 'SCJG', { taskId: 'x' })).getStatus()).toBe(409);
    const { record } = setup([task()]);
    await expect(record.publish('P1.1.1.SCJG', 'SCJG')).rejects.toMatchObject({
      errors: [expect.objectContaining({ rule: 'hasResult' })],
    });
  });
});
