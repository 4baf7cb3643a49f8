import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeadLetterHeaders, FieldError } from '@hub/contracts';
import { KafkaRecord, OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLetter, DeadLetterStatus } from './entities/dead-letter.entity';

const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DeadLetterHeaders));

/** What operators do about a dead letter: put it back on its topic, or give up on it with a reason. */
@Injectable()
export class DeadLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Puts the original message back on its original topic (same key, value and headers, less the hub-dlq-* ones),
   * through the outbox so that it is sent if and only if the letter is marked replayed.
   *
   * A replay reaches every consumer group of the topic, not only the one that gave up: those that applied the
   * message before skip it (their inbox has its id), so a replay is for a consumer that failed on a message it
   * should have taken (a bug since fixed, a dependency that was down). A message that broke its contract will only
   * be dead-lettered again: discard that one instead.
   */
  replay(id: string, operator: string, note?: string): Promise<DeadLetter> {
    return this.resolve(id, operator, 'replayed', note, async (manager, letter) => {
      await this.outbox.enqueueRecords(manager, [originalRecord(letter)], [`dead-letter-${letter.id}`]);
    });
  }

  discard(id: string, operator: string, note: string): Promise<DeadLetter> {
    return this.resolve(id, operator, 'discarded', note);
  }

  private resolve(
    id: string,
    operator: string,
    status: Exclude<DeadLetterStatus, 'open'>,
    note: string | undefined,
    effect?: (manager: EntityManager, letter: DeadLetter) => Promise<void>,
  ): Promise<DeadLetter> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await DeadLettersRepository.findForUpdate(manager, id);
      if (!letter) throw new ProblemException(404, 'not-found', `there is no dead letter ${id}`);
      if (letter.status !== 'open') {
        const error: FieldError = {
          field: 'status',
          rule: 'isOpen',
          message: `only an open dead letter can be ${status} (this one is ${letter.status})`,
        };
        throw new ProblemException(409, 'conflict', `dead letter ${id} is ${letter.status} already`, [error]);
      }
      await effect?.(manager, letter);
      letter.status = status;
      letter.resolvedAt = new Date();
      letter.resolvedBy = operator;
      letter.note = note ?? null;
      return DeadLettersRepository.save(manager, letter);
    });
  }
}

/** The message as the consumer first read it. */
export function originalRecord(letter: DeadLetter): KafkaRecord {
  const headers = Object.fromEntries(
    Object.entries(letter.headers).filter(([name]) => !DEAD_LETTER_HEADER_NAMES.has(name)),
  );
  return {
    topic: letter.originalTopic,
    key: letter.key,
    value: Buffer.from(letter.valueBase64, 'base64'),
    headers,
  };
}
