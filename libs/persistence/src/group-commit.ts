export interface GroupCommitOptions<I> {
  /** Groups written at once; while they are all busy, new submissions wait and join the next group. */
  readonly concurrency: number;
  /** How much a group holds at most (a single heavier submission still goes, alone). */
  readonly maxWeight: number;
  /** The weight of a submission; 1 each by default. */
  readonly weigh?: (item: I) => number;
}

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (result: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: concurrent submissions are written together, one unit of work (a statement, a transaction) per
 * group instead of one each. Nothing waits for a group to fill: a submission that finds a slot free is written at
 * once, alone; only while every slot is busy do submissions gather, so groups grow with the load and a quiet
 * system answers as fast as before. On a machine where each round trip to the database costs more than the
 * SQL it carries, this is what turns per-request round trips into per-group ones.
 *
 * `write` answers each submission of a group in order; if it throws, every submission of that group is rejected
 * with its error (its unit of work did not commit, so none of them was written).
 */
export class GroupCommit<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private busy = 0;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.busy < this.options.concurrency && this.queue.length > 0) {
      void this.run(this.takeGroup());
    }
  }

  private takeGroup(): Pending<I, O>[] {
    const weigh = this.options.weigh ?? (() => 1);
    let weight = weigh(this.queue[0]!.item);
    let size = 1;
    while (size < this.queue.length && weight + weigh(this.queue[size]!.item) <= this.options.maxWeight) {
      weight += weigh(this.queue[size]!.item);
      size++;
    }
    return this.queue.splice(0, size);
  }

  private async run(group: Pending<I, O>[]): Promise<void> {
    this.busy++;
    try {
      const results = await this.write(group.map((pending) => pending.item));
      if (results.length !== group.length) {
        throw new Error(`a group commit answered ${results.length} of ${group.length} submissions`);
      }
      group.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      this.busy--;
      this.drain();
    }
  }
}
