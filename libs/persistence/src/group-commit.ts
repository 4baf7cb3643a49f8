export interface GroupCommitOptions<I> {
  /** Groups written at once; while they are all busy, new submissions wait and join the next group. */
  readonly concurrency: number;
  /** How much a group holds at most (a single heavier submission still goes, alone). */
  readonly maxWeight: number;
  /** The weight of a submission; 1 each by default. */
  readonly weigh?: (item: I) => number;
  /**
   * How much may wait for a slot, in weight; a submission beyond it is refused at once with GroupCommitFull
   * (answer it as "busy, retry later"), so that a load the database cannot follow does not pile up in memory.
   * Unbounded when absent.
   */
  readonly maxQueuedWeight?: number;
  /**
   * Whether a failed write may be the fault of one submission rather than of the unit of work as a whole (a value the
   * database refuses, not a lost connection). Such a group is split in halves, each written again, until the failing
   * submission is alone: it gets the error, the others are written. Absent: a failed group fails whole.
   */
  readonly isolates?: (error: unknown) => boolean;
}

/** The refusal of a submission that found the queue full (GroupCommitOptions.maxQueuedWeight). */
export class GroupCommitFull extends Error {
  constructor(readonly maxQueuedWeight: number) {
    super(`the group commit queue is full (${maxQueuedWeight} waiting)`);
    this.name = 'GroupCommitFull';
  }
}

interface Pending<I, O> {
  readonly item: I;
  readonly weight: number;
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
 * `write` answers each submission of a group in order. If it throws, the group's unit of work did not commit, so
 * none of its submissions was written: every one is rejected with the error, unless `isolates` says the error may be
 * one submission's, in which case the group is written again in halves so that only the failing one is rejected.
 */
export class GroupCommit<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private queuedWeight = 0;
  private busy = 0;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  /** The weight of the submissions waiting for a slot (not those being written). */
  get queued(): number {
    return this.queuedWeight;
  }

  submit(item: I): Promise<O> {
    const weight = this.options.weigh?.(item) ?? 1;
    const max = this.options.maxQueuedWeight;
    // A free slot takes the submission at once, so only a submission that would wait is held to the bound.
    const waits = this.busy >= this.options.concurrency || this.queue.length > 0;
    if (max !== undefined && waits && this.queuedWeight + weight > max) {
      return Promise.reject(new GroupCommitFull(max));
    }
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, weight, resolve, reject });
      this.queuedWeight += weight;
      this.drain();
    });
  }

  private drain(): void {
    while (this.busy < this.options.concurrency && this.queue.length > 0) {
      void this.run(this.takeGroup());
    }
  }

  private takeGroup(): Pending<I, O>[] {
    let weight = this.queue[0]!.weight;
    let size = 1;
    while (size < this.queue.length && weight + this.queue[size]!.weight <= this.options.maxWeight) {
      weight += this.queue[size]!.weight;
      size++;
    }
    this.queuedWeight -= weight;
    return this.queue.splice(0, size);
  }

  private async run(group: Pending<I, O>[]): Promise<void> {
    this.busy++;
    try {
      await this.commit(group);
    } finally {
      this.busy--;
      this.drain();
    }
  }

  /** Writes the group and answers each submission; halves it on an error that may be one submission's. */
  private async commit(group: Pending<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.write(group.map((pending) => pending.item));
    } catch (error) {
      if (group.length > 1 && this.options.isolates?.(error) === true) {
        const half = Math.ceil(group.length / 2);
        await this.commit(group.slice(0, half));
        await this.commit(group.slice(half));
        return;
      }
      for (const pending of group) pending.reject(error);
      return;
    }
    if (results.length !== group.length) {
      const error = new Error(`a group commit answered ${results.length} of ${group.length} submissions`);
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => pending.resolve(results[i]!));
  }
}
