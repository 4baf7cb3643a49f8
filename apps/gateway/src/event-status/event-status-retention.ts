import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { HubMetrics } from '@hub/observability';
import { RetentionJob } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { EventDeadLetter } from './entities/event-dead-letter.entity';
import { RelayedBatch } from './entities/relayed-batch.entity';

// Both are read only with the event's receipt, so they are kept as long as receipts are.

/** Deletes relayed batches older than GATEWAY_RECEIPT_RETENTION_HOURS, in every gateway replica (one at a time). */
@Injectable()
export class RelayedBatchRetention extends RetentionJob<RelayedBatch> {
  constructor(dataSource: DataSource, env: GatewayEnv, metrics: HubMetrics) {
    super(dataSource, {
      entity: RelayedBatch,
      timestamp: 'relayedAt',
      hours: env.GATEWAY_RECEIPT_RETENTION_HOURS,
      pruned: new Counter({
        name: 'hub_gateway_relayed_batches_pruned_total',
        help: 'Relayed batches deleted after GATEWAY_RECEIPT_RETENTION_HOURS',
        registers: [metrics.registry],
      }),
      rows: 'relayed batches',
    });
  }
}

/** Deletes the kept dead letters of accepted events older than GATEWAY_RECEIPT_RETENTION_HOURS. */
@Injectable()
export class EventDeadLetterRetention extends RetentionJob<EventDeadLetter> {
  constructor(dataSource: DataSource, env: GatewayEnv, metrics: HubMetrics) {
    super(dataSource, {
      entity: EventDeadLetter,
      timestamp: 'deadLetteredAt',
      hours: env.GATEWAY_RECEIPT_RETENTION_HOURS,
      pruned: new Counter({
        name: 'hub_gateway_event_dead_letters_pruned_total',
        help: "Accepted events' dead letters deleted after GATEWAY_RECEIPT_RETENTION_HOURS",
        registers: [metrics.registry],
      }),
      rows: "accepted events' dead letters",
    });
  }
}
