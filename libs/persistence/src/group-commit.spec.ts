import { GroupCommit } from './group-commit';

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
});
