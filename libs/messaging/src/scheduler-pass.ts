import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from '@hub/contracts';
import { OutboxWriter } from './outbox.writer';

/**
 * One pass of a scheduler whose rows are taken with FOR UPDATE SKIP LOCKED, so that every replica runs it and each
 * row is handled by one of them: in one transaction `work` takes its rows as of `now` and says what events they
 * cause, which commit with the rows' change. Returns how many rows it took (a full pass asks for another).
 */
export function schedulerPass(
  dataSource: DataSource,
  outbox: OutboxWriter,
  clock: { now(): Date },
  work: (manager: EntityManager, now: Date) => Promise<{ taken: number; events: CloudEvent[] }>,
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const { taken, events } = await work(manager, clock.now());
    await outbox.enqueue(manager, events);
    return taken;
  });
}
