import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@hub/platform';
import { ConsumerProgress, GroupOffset } from './consumer-progress';
import { EventDeadLetter } from './entities/event-dead-letter.entity';
import { AcceptedEvent, EventStatusRepository } from './event-status.repository';
import { relayedPosition } from './relayed-position';

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
  /** Where it is on its topic, once relayed (null when not known: relayed before this was recorded, or no key). */
  position: { partition: number; offset: string } | null;
  /**
   * Each consumer group of the hub that reads the topic: `pending` (its committed offset has not passed the event),
   * `consumed` (it has: applied, or passed over as a duplicate or a type it does not handle), `dead-lettered` (with
   * the reason, in deadLetters).
   */
  consumers: { consumer: string; status: 'pending' | 'consumed' | 'dead-lettered' }[];
  deadLetters: DeadLetterView[];
}

@Injectable()
export class EventStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ConsumerProgress,
  ) {}

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
    const [waiting, letters, batch] = await Promise.all([
      EventStatusRepository.inOutbox(manager, event),
      EventStatusRepository.deadLettersOf(manager, event),
      EventStatusRepository.relayedBatchOf(manager, event),
    ]);
    const position = batch
      ? (relayedPosition(batch, event.hubId, event.topic, await this.progress.partitionCount(event.topic)) ?? null)
      : null;
    const groups = position ? await this.progress.offsets(event.topic, position.partition) : [];
    return { ...view(event, waiting, letters), position, consumers: consumersOf(groups, position, letters) };
  }

  async deadLetters(department: string, since: Date, limit: number) {
    const letters = await EventStatusRepository.deadLettersSince(this.dataSource.manager, department, since, limit);
    return letters.map((l) => ({ id: l.eventId, source: l.source, type: l.type, ...letterView(l) }));
  }
}

/** Every group that reads the topic, and every group that dead-lettered the event (it may have been deleted since). */
function consumersOf(
  groups: GroupOffset[],
  position: { offset: string } | null,
  letters: EventDeadLetter[],
): EventStatus['consumers'] {
  const dead = new Set(letters.map((l) => l.consumer));
  const statuses = new Map<string, EventStatus['consumers'][number]['status']>();
  for (const { group, committed } of groups) {
    statuses.set(group, committed > BigInt(position!.offset) ? 'consumed' : 'pending');
  }
  for (const group of dead) statuses.set(group, 'dead-lettered');
  return [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([consumer, status]) => ({ consumer, status }));
}

function view(
  event: AcceptedEvent,
  waiting: boolean,
  letters: EventDeadLetter[],
): Omit<EventStatus, 'position' | 'consumers'> {
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
