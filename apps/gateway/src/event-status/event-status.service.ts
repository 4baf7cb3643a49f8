import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@hub/platform';
import { EventDeadLetter } from './entities/event-dead-letter.entity';
import { AcceptedEvent, EventStatusRepository } from './event-status.repository';

/** One consuming app's dead letter of the event: who gave up, after how many tries, and why. */
export interface DeadLetterView {
  consumer: string;
  reason: string;
  errors: unknown;
  attempts: number;
  deadLetteredAt: string;
  partition: number;
  offset: string;
}

/** What the hub did with one accepted event, as far as the gateway can tell. */
export interface EventStatus {
  id: string;
  source: string;
  type: string;
  hubId: string;
  topic: string;
  channel: string;
  acceptedAt: string;
  /** accepted: still in the gateway's outbox; relayed: on Kafka (the relay has produced it). */
  state: 'accepted' | 'relayed';
  deadLetters: DeadLetterView[];
}

@Injectable()
export class EventStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(department: string, id: string, source?: string): Promise<EventStatus> {
    const manager = this.dataSource.manager;
    const found = await EventStatusRepository.receiptsOf(manager, department, id, source);
    if (found.length === 0) {
      throw new ProblemException(
        404,
        'not-found',
        `${department} has no accepted event of id ${id}${source ? ` from ${source}` : ''} (receipts are kept for GATEWAY_RECEIPT_RETENTION_HOURS)`,
      );
    }
    if (found.length > 1) {
      throw new ProblemException(
        409,
        'ambiguous-id',
        `${department} sent events of id ${id} from ${found.length} sources: name one with ?source=`,
        [
          {
            field: 'source',
            rule: 'requiredWhenAmbiguous',
            message: `one of ${found.map((r) => r.source).join(', ')}`,
          },
        ],
      );
    }
    const event = found[0];
    const [waiting, letters] = await Promise.all([
      EventStatusRepository.inOutbox(manager, event),
      EventStatusRepository.deadLettersOf(manager, event),
    ]);
    return view(event, waiting, letters);
  }

  async deadLetters(department: string, since: Date, limit: number) {
    const letters = await EventStatusRepository.deadLettersSince(this.dataSource.manager, department, since, limit);
    return letters.map((l) => ({ id: l.eventId, source: l.source, type: l.type, ...letterView(l) }));
  }
}

function view(event: AcceptedEvent, waiting: boolean, letters: EventDeadLetter[]): EventStatus {
  return {
    id: event.eventId,
    source: event.source,
    type: event.type,
    hubId: event.hubId,
    topic: event.topic,
    channel: event.channel,
    acceptedAt: new Date(event.acceptedAt).toISOString(),
    state: waiting ? 'accepted' : 'relayed',
    deadLetters: letters.map(letterView),
  };
}

function letterView(l: EventDeadLetter): DeadLetterView {
  return {
    consumer: l.consumer,
    reason: l.reason,
    errors: l.errors ?? null,
    attempts: l.attempts,
    deadLetteredAt: l.deadLetteredAt.toISOString(),
    partition: l.originalPartition,
    offset: String(l.originalOffset),
  };
}
