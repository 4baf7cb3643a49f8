import { EntityManager } from 'typeorm';
import { DeadLetter } from './entities/dead-letter.entity';

export type NewDeadLetter = Omit<DeadLetter, 'id' | 'receivedAt'>;

export interface DeadLetterQuery {
  originalTopic?: string;
  consumer?: string;
  limit: number;
  /** Rows with an id below this one (paging from the newest). */
  before?: string;
}

export class DeadLettersRepository {
  /** Idempotent: a dead letter sent twice (a retried send) is recorded once. */
  static async record(manager: EntityManager, row: NewDeadLetter): Promise<void> {
    await manager.createQueryBuilder().insert().into(DeadLetter).values(row).orIgnore().execute();
  }

  static list(manager: EntityManager, query: DeadLetterQuery): Promise<DeadLetter[]> {
    const qb = manager.getRepository(DeadLetter).createQueryBuilder('d').orderBy('d.id', 'DESC').limit(query.limit);
    if (query.originalTopic) qb.andWhere('d.originalTopic = :topic', { topic: query.originalTopic });
    if (query.consumer) qb.andWhere('d.consumer = :consumer', { consumer: query.consumer });
    if (query.before) qb.andWhere('d.id < :before', { before: query.before });
    return qb.getMany();
  }
}
