import { GroupCommit, GroupCommitFull } from './group-commit';

/** A write whose groups are recorded and which finishes only when the test says so. */
function controlledWrite() {
  const groups: number[][] = [];
  const finish: (() => void)[] = [];
  const write = (items: readonly number[]): Promise<string[]> => {
    groups.push([...items]);
    return new Promise((resolve) => finish.push(() => resolve(items.map((i) => `done ${i}`))));
  };
  return { groups, finish, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a submission that finds a slot free at once, alone', async () => {
    const { groups, finish, write } = controlledWrite();
    const commit = new GroupCommit(write, { concurrency: 1, maxWeight: 10 });
    const answer = commit.submit(1);
    expect(groups).toEqual([[1]]);
    finish[0]!();
    await expect(answer).resolves.toBe('done 1');
  });

  it('gathers what arrives while every slot is busy into the next group, and answers each its own', async () => {
    const { groups, finish, write } = controlledWrite();
    const commit = new GroupCommit(write, { concurrency: 1, maxWeight: 10 });
    const answers = [1, 2, 3, 4].map((i) => commit.submit(i));
    expect(groups).toEqual([[1]]);
    finish[0]!();
    await settle();
    expect(groups).toEqual([[1], [2, 3, 4]]);
    finish[1]!();
    await expect(Promise.all(answers)).resolves.toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
  });

  it('keeps a group within the weight, but sends a heavier submission alone rather than never', async () => {
    const { groups, finish, write } = controlledWrite();
    const commit = new GroupCommit(write, { concurrency: 1, maxWeight: 5, weigh: (n: number) => n });
    const answers = [1, 2, 3, 9, 1].map((i) => commit.submit(i));
    for (let i = 0; i < 4; i++) {
      finish[i]!();
      await settle();
    }
    expect(groups).toEqual([[1], [2, 3], [9], [1]]);
    await expect(Promise.all(answers)).resolves.toHaveLength(5);
  });

  it('runs up to `concurrency` groups at once', () => {
    const { groups, write } = controlledWrite();
    const commit = new GroupCommit(write, { concurrency: 2, maxWeight: 10 });
    for (const i of [1, 2, 3, 4]) void commit.submit(i);
    expect(groups).toEqual([[1], [2]]);
  });

  it('rejects every submission of a failed group, and goes on with the next', async () => {
    let calls = 0;
    const commit = new GroupCommit(
      async (items: readonly number[]) => {
        if (calls++ === 0) throw new Error('connection lost');
        return items.map((i) => i * 10);
      },
      { concurrency: 1, maxWeight: 10 },
    );
    const failed = commit.submit(1);
    const later = commit.submit(2);
    await expect(failed).rejects.toThrow('connection lost');
    await expect(later).resolves.toBe(20);
  });

  it('rejects the group when the write answers a different number of submissions', async () => {
    const commit = new GroupCommit(async () => ['one answer'], { concurrency: 1, maxWeight: 10 });
    const first = commit.submit(1);
    const answers = [first, commit.submit(2), commit.submit(3)];
    await expect(first).resolves.toBe('one answer');
    await expect(Promise.all(answers.slice(1))).rejects.toThrow('answered 1 of 2 submissions');
  });
  it('isolates a submission whose write fails when the error may be its own: the others are written', async () => {
    const written: number[][] = [];
    const { groups, finish, write } = controlledWrite();
    const commit = new GroupCommit(
      async (items: readonly number[]) => {
        if (items.length === 1 && items[0] === 1) return write(items);
        written.push([...items]);
        if (items.includes(13)) throw new Error(`13 refused`);
        return items.map((i) => `done ${i}`);
      },
      { concurrency: 1, maxWeight: 100, isolates: (error) => /refused/.test(String(error)) },
    );
    const first = commit.submit(1); // holds the slot, so that the rest gather into one group
    const answers = [10, 11, 12, 13, 14, 15, 16].map((i) => commit.submit(i).catch((e: Error) => e.message));
    expect(groups).toEqual([[1]]);
    finish[0]!();
    await first;
    await expect(Promise.all(answers)).resolves.toEqual([
      'done 10',
      'done 11',
      'done 12',
      '13 refused',
      'done 14',
      'done 15',
      'done 16',
    ]);
    // The failing group was halved until 13 stood alone; every other submission was written once, in order.
    expect(written.filter((g) => !g.includes(13)).flat()).toEqual([10, 11, 12, 14, 15, 16]);
  });

  it("fails the whole group when the error is not one submission's", async () => {
    let calls = 0;
    const commit = new GroupCommit(
      async (items: readonly number[]) => {
        calls++;
        if (items.length > 1) throw new Error('connection lost');
        await new Promise((resolve) => setImmediate(resolve));
        return items;
      },
      { concurrency: 1, maxWeight: 10, isolates: (error) => !/connection/.test(String(error)) },
    );
    const first = commit.submit(1);
    const rest = [2, 3, 4].map((i) => commit.submit(i).catch((e: Error) => e.message));
    await first;
    await expect(Promise.all(rest)).resolves.toEqual(['connection lost', 'connection lost', 'connection lost']);
    expect(calls).toBe(2);
  });

  it('refuses a submission that would wait beyond maxQueuedWeight, and takes it again once there is room', async () => {
    const { finish, write } = controlledWrite();
    const commit = new GroupCommit(write, { concurrency: 1, maxWeight: 10, maxQueuedWeight: 3 });
    const inFlight = commit.submit(1); // takes the free slot: not queued
    const queued = [2, 3, 4].map((i) => commit.submit(i));
    await expect(commit.submit(5)).rejects.toBeInstanceOf(GroupCommitFull);
    finish[0]!();
    await inFlight;
    await settle();
    const later = commit.submit(6);
    finish[1]!();
    await settle();
    finish[2]!();
    await expect(Promise.all([...queued, later])).resolves.toEqual(['done 2', 'done 3', 'done 4', 'done 6']);
  });
});
