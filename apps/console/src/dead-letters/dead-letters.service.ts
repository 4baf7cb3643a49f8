import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HubEnv } from '@hub/config';
import { DeadLetterHeaders, FieldError } from '@hub/contracts';
import { KafkaRecord, OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Actor, DeadLetterAudit } from './dead-letter-audit';
import { DeadLetterFilter, DeadLettersRepository } from './dead-letters.repository';
import { DeadLetter, DeadLetterStatus } from './entities/dead-letter.entity';

const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DeadLetterHeaders));

/** What operators do about a dead letter: put it back on its topic, or give up on it with a reason. */
@Injectable()
export class DeadLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly env: HubEnv,
  ) {}

  /**
   * Puts the original message back on its original topic (same key, value and headers, less the hub-dlq-* ones),
   * through the outbox so that it is sent if and only if the letter is marked replayed.
   *
   * A replay reaches every consumer group of the topic, not only the one that gave up: those that applied the
   * message before skip it (their inbox has its id), so a replay is for a consumer that failed on a message it
   * should have taken (a bug since fixed, a dependency that was down). A message that broke its contract will only
   * be dead-lettered again: discard that one instead.
   *
   * Refused (409) for a letter that is not the whole original (`incomplete`), and for one whose original is older
   * than DEAD_LETTER_RETENTION_HOURS: the consumers' inbox may have forgotten it by then, and would apply it again.
   */
  async replay(id: string, operator: Actor, note?: string): Promise<DeadLetter> {
    try {
      return await this.resolve(id, operator, 'replayed', note, async (manager, letter) => {
        const refusal = notReplayable(letter, this.env.DEAD_LETTER_RETENTION_HOURS);
        if (refusal)
          throw new ProblemException(409, 'not-replayable', `dead letter ${id} cannot be replayed`, [refusal]);
        await this.outbox.enqueueRecords(manager, [originalRecord(letter)], [`dead-letter-${letter.id}`]);
      });
    } catch (error) {
      // A refusal is recorded too: the auditors see what was tried, and why it was not done.
      if (error instanceof ProblemException && error.getStatus() === 409) {
        await DeadLetterAudit.record(this.dataSource.manager, operator, 'refused', id, refusalText(error));
      }
      throw error;
    }
  }

  /**
   * Replays each of `ids`, or every open letter `filter` matches, each in a transaction of its own (one refused
   * does not hold back the others); what was replayed and what was refused, with why.
   */
  async replayMany(
    selection: { ids: string[] } | { filter: DeadLetterFilter },
    operator: Actor,
    note?: string,
  ): Promise<ReplayOutcome> {
    const outcome: ReplayOutcome = { replayed: [], refused: [] };
    const attempt = async (id: string): Promise<void> => {
      try {
        await this.replay(id, operator, note);
        outcome.replayed.push(id);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
        outcome.refused.push({ id, status: error.getStatus(), reason: refusalText(error) });
      }
    };
    if ('ids' in selection) {
      for (const id of selection.ids) await attempt(id);
      return outcome;
    }
    // Page by id from the newest: a refused letter stays open, so the next page starts below the last one seen.
    let before: string | undefined;
    for (;;) {
      const page = await DeadLettersRepository.list(this.dataSource.manager, {
        ...selection.filter,
        status: 'open',
        limit: 500,
        before,
      });
      for (const letter of page) await attempt(letter.id);
      if (page.length < 500) return outcome;
      before = page[page.length - 1]!.id;
    }
  }

  discard(id: string, operator: Actor, note: string): Promise<DeadLetter> {
    return this.resolve(id, operator, 'discarded', note);
  }

  private resolve(
    id: string,
    operator: Actor,
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
      letter.resolvedBy = operator.subject;
      letter.note = note ?? null;
      await DeadLetterAudit.record(manager, operator, status, id, note);
      return DeadLettersRepository.save(manager, letter);
    });
  }
}

export interface ReplayOutcome {
  replayed: string[];
  refused: { id: string; status: number; reason: string }[];
}

function refusalText(error: ProblemException): string {
  return [error.message, ...(error.errors ?? []).map((e) => `${e.field}: ${e.message}`)].join('; ');
}

/** Why a letter may not be replayed, if it may not. */
export function notReplayable(letter: DeadLetter, retentionHours: number, now = new Date()): FieldError | undefined {
  if (letter.incomplete !== null) {
    return {
      field: 'incomplete',
      rule: 'isComplete',
      message: `the stored letter is not the original message (${letter.incomplete}): the publisher must send it again`,
    };
  }
  const since = Math.min((letter.originalAt ?? letter.receivedAt).getTime(), letter.receivedAt.getTime());
  if (retentionHours > 0 && now.getTime() - since > retentionHours * 3_600_000) {
    return {
      field: 'originalAt',
      rule: 'withinRetention',
      message: `the original is older than DEAD_LETTER_RETENTION_HOURS (${retentionHours} h): consumers may no longer know they applied it, so a replay could apply it twice; discard it, and have the publisher send a new event`,
    };
  }
  return undefined;
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
