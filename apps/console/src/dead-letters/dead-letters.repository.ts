import { EntityManager } from 'typeorm';
import { DeadLetter, DeadLetterStatus } from './entities/dead-letter.entity';

export type NewDeadLetter = Omit<DeadLetter, 'id' | 'receivedAt' | 'status' | 'resolvedAt' | 'resolvedBy' | 'note'>;

/** What operators filter dead letters by; every one given must hold. */
export interface DeadLetterFilter {
  originalTopic?: string;
  consumer?: string;
  status?: DeadLetterStatus;
  department?: string;
  eventType?: string;
  /** Part of the reason, any case. */
  reason?: string;
  /** Received at or after. */
  from?: Date;
  /** Received before. */
  to?: Date;
}

export interface DeadLetterQuery extends DeadLetterFilter {
  limit: number;
  /** Rows with an id below this one (paging from the newest). */
  before?: string;
}

export class DeadLettersRepository {
  /** Idempotent: a dead letter sent twice (a retried send) is recorded once. Returns the new row's id, if it is new. */
  static async record(manager: EntityManager, row: NewDeadLetter): Promise<string | undefined> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(DeadLetter)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as { id: string }[])[0]?.id;
  }

  static list(manager: EntityManager, query: DeadLetterQuery): Promise<DeadLetter[]> {
    const qb = manager.getRepository(DeadLetter).createQueryBuilder('d').orderBy('d.id', 'DESC').limit(query.limit);
    if (query.originalTopic) qb.andWhere('d.originalTopic = :topic', { topic: query.originalTopic });
    if (query.consumer) qb.andWhere('d.consumer = :consumer', { consumer: query.consumer });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.department) qb.andWhere('d.department = :department', { department: query.department });
    if (query.eventType) qb.andWhere('d.eventType = :eventType', { eventType: query.eventType });
    if (query.reason) qb.andWhere('d.reason ILIKE :reason', { reason: `%${likeEscaped(query.reason)}%` });
    if (query.from) qb.andWhere('d.receivedAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.receivedAt < :to', { to: query.to });
    if (query.before) qb.andWhere('d.id < :before', { before: query.before });
    return qb.getMany();
  }

  static find(manager: EntityManager, id: string): Promise<DeadLetter | null> {
    return manager.getRepository(DeadLetter).findOneBy({ id });
  }

  /** The letter, locked until the caller's transaction ends (so that two operators cannot both act on it). */
  static findForUpdate(manager: EntityManager, id: string): Promise<DeadLetter | null> {
    return manager
      .getRepository(DeadLetter)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  static save(manager: EntityManager, letter: DeadLetter): Promise<DeadLetter> {
    return manager.getRepository(DeadLetter).save(letter);
  }
}

/** A LIKE pattern's own characters taken literally (PostgreSQL's default escape is the backslash). */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
