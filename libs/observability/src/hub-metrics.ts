import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics every app exposes on /metrics. One registry per app instance (not prom-client's global one),
 * so that several apps can run in one test process without clashing.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly produced: Counter<'topic'>;
  readonly consumed: Counter<'topic' | 'consumer'>;
  readonly failed: Counter<'topic' | 'consumer'>;
  readonly deadLettered: Counter<'topic' | 'consumer' | 'cause'>;
  readonly handlerSeconds: Histogram<'topic' | 'consumer'>;
  readonly outboxBacklog: Gauge<'schema'>;
  readonly inboxPruned: Counter;
  readonly outboxSetAside: Counter<'schema' | 'topic'>;
  readonly deadLetterFailures: Counter<'topic' | 'consumer'>;
  readonly partitionsStopped: Gauge<'topic' | 'consumer'>;
  readonly deadLettersPruned: Counter;
  readonly httpServerErrors: Counter<'method' | 'route' | 'status'>;

  constructor(app: string, withDefaults = true) {
    this.registry.setDefaultLabels({ app });
    if (withDefaults) collectDefaultMetrics({ register: this.registry, prefix: 'hub_process_' });
    const registers = [this.registry];
    this.produced = new Counter({
      name: 'hub_events_produced_total',
      help: 'Events acknowledged by Kafka, per topic',
      labelNames: ['topic'],
      registers,
    });
    this.consumed = new Counter({
      name: 'hub_events_consumed_total',
      help: 'Events applied by a consumer, per topic (duplicates excluded)',
      labelNames: ['topic', 'consumer'],
      registers,
    });
    this.failed = new Counter({
      name: 'hub_events_failed_total',
      help: 'Handler attempts that threw, per topic',
      labelNames: ['topic', 'consumer'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'hub_events_dead_lettered_total',
      help: 'Messages sent to the dead-letter topic; cause is "invalid" or "handler"',
      labelNames: ['topic', 'consumer', 'cause'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'hub_handler_duration_seconds',
      help: 'Time to apply one event or one batch, including its transaction',
      labelNames: ['topic', 'consumer'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.outboxBacklog = new Gauge({
      name: 'hub_outbox_backlog',
      help: 'Events committed to the outbox and not yet acknowledged by Kafka',
      labelNames: ['schema'],
      registers,
    });
    this.inboxPruned = new Counter({
      name: 'hub_inbox_pruned_total',
      help: 'Inbox rows deleted after INBOX_RETENTION_HOURS',
      registers,
    });
    this.outboxSetAside = new Counter({
      name: 'hub_outbox_set_aside_total',
      help: 'Outbox records too large for the broker ever to take, dead-lettered (cut to fit) instead of relayed',
      labelNames: ['schema', 'topic'],
      registers,
    });
    this.deadLetterFailures = new Counter({
      name: 'hub_dead_letter_failures_total',
      help: 'Messages a consumer could neither apply nor dead-letter (or store, for a dead letter): its partition stops',
      labelNames: ['topic', 'consumer'],
      registers,
    });
    this.partitionsStopped = new Gauge({
      name: 'hub_consumer_partitions_stopped',
      help: 'Partitions a consumer has paused because it could not dead-letter a message; alert on any above 0',
      labelNames: ['topic', 'consumer'],
      registers,
    });
    this.deadLettersPruned = new Counter({
      name: 'hub_dead_letters_pruned_total',
      help: 'Dead letters deleted after DEAD_LETTER_RETENTION_HOURS',
      registers,
    });
    this.httpServerErrors = new Counter({
      name: 'hub_http_server_errors_total',
      help: 'HTTP answers with a 5xx status, per method, route (its pattern; "unmatched" outside the routes) and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
  }
}
