import { EntityManager } from 'typeorm';
import { pruneInBatches } from './prune';

/** A data source whose advisory lock answers `locked` and whose transactions are counted. */
function fakeDataSource(locked: boolean[]) {
  let transactions = 0;
  const manager = {
    query: async () => [{ locked: locked[Math.min(transactions - 1, locked.length - 1)] }],
  } as unknown as EntityManager;
  return {
    get transactions() {
      return transactions;
    },
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      transactions++;
      return work(manager);
    },
  };
}

describe('pruneInBatches', () => {
  it('runs batches, each in its own transaction, until one comes back short', async () => {
    const dataSource = fakeDataSource([true]);
    const left = [3, 3, 3, 1];
    const limits: number[] = [];
    const pruned = await pruneInBatches(dataSource as never, 'k', 3, async (_, limit) => {
      limits.push(limit);
      return left.shift()!;
    });
    expect(pruned).toEqual({ rows: 10, batches: 4 });
    expect(limits).toEqual([3, 3, 3, 3]);
    expect(dataSource.transactions).toBe(4);
  });

  it('stops after a full batch followed by an empty one', async () => {
    const counts = [2, 0];
    expect(await pruneInBatches(fakeDataSource([true]) as never, 'k', 2, async () => counts.shift()!)).toEqual({
      rows: 2,
      batches: 2,
    });
  });

  it('deletes nothing and answers undefined while another session holds the lock', async () => {
    let called = false;
    const pruned = await pruneInBatches(fakeDataSource([false]) as never, 'k', 2, async () => {
      called = true;
      return 0;
    });
    expect(pruned).toBeUndefined();
    expect(called).toBe(false);
  });

  it('keeps what it pruned when another session takes the lock between batches', async () => {
    expect(await pruneInBatches(fakeDataSource([true, false]) as never, 'k', 2, async () => 2)).toEqual({
      rows: 2,
      batches: 1,
    });
  });
});
