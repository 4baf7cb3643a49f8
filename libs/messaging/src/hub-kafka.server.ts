import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  DeadLetterHeaders,
  FieldError,
  deadLetterTopic,
  formatFieldErrors,
  isDeadLetterTopic,
  peekEventIdentity,
  redact,
  type Redaction,
} from '@hub/contracts';
import { HubMetrics, withLogContext } from '@hub/observability';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from '@hub/config';
import { cutText, fitDeadLetter } from './dead-letter-record';
import { EventCatalog } from './event-catalog';
import { HubContext, HubMessageMeta } from './hub-context';
import { WantedTypes } from './hub-handler';
import { HubProducer } from './hub-producer';
import { appliedAlready, recordApplied } from './inbox';
import { KafkaRecord } from './kafka-record';
import { installRecordDecoder } from './kafka-record-decoder';
import { RejectedMessage } from './rejected-message';
import { DEFAULT_RETRY, RetryPolicy, backoffMs } from './retry-policy';
import { sleep } from './sleep';
import { isTransientInfrastructureError } from './transient-error';

export interface HubConsumerOptions {
  kafka: Kafka;
  /** Consumer group; also the consumer's name in the inbox, metrics and dead-letter headers. */
  groupId: string;
  dataSource: DataSource;
  catalog: EventCatalog;
  /** Sends dead letters. */
  producer: HubProducer;
  metrics?: HubMetrics;
  retry?: RetryPolicy;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Largest number of events given to a batch handler at once. */
  maxBatchSize?: number;
  /** Partitions processed in parallel (order is kept within each). */
  partitionsConcurrently?: number;
  /** A fetch answers once it has this many bytes or has waited `fetchMaxWaitMs` (Kafka's fetch.min.bytes). */
  fetchMinBytes?: number;
  fetchMaxWaitMs?: number;
  /**
   * Look up a fetched batch's binary-mode events in the inbox before decoding them, and pass over those applied
   * already: for an app whose outbox records its own events as applied (see OutboxWriter), which it reads back.
   */
  inboxFirst?: boolean;
  /** The broker's limit on a record batch (KAFKA_MAX_MESSAGE_BYTES): a dead letter is cut to fit it. */
  maxMessageBytes?: number;
  /**
   * How long a partition stays stopped after a message could be neither applied nor dead-lettered (nor stored, on
   * a dead-letter topic) before it is tried again; each stop in a row doubles it, up to `maxStopMs`.
   */
  stopMs?: number;
  maxStopMs?: number;
}

/** A message from a raw topic, as delivered to an @OnRawMessage handler. */
export interface RawKafkaMessage {
  meta: HubMessageMeta;
  key: string | null;
  value: Buffer | null;
}

type Work = { meta: HubMessageMeta; message: KafkaMessage } & (
  | { kind: 'event'; handler: MessageHandler; event: CloudEvent }
  | { kind: 'raw'; handler: MessageHandler; raw: RawKafkaMessage }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'ignored' }
);

type Applicable = Extract<Work, { kind: 'event' | 'raw' }>;

/** How long a consumer that kafkajs gave up on waits before it is started again. */
export const RESTART_AFTER_CRASH_MS = 2_000;

/** Thrown to abandon a batch when the consumer is stopping or lost its partitions; the batch is redelivered. */
class Abandoned extends Error {}

/** Thrown to leave a batch whose partition was just stopped; the message it stopped at is fetched again on resume. */
class Stopped extends Error {}

/**
 * A Nest transport on kafkajs that the stock Kafka transport is not: it validates every message against its
 * contract before any handler runs; applies each event once (inbox row and effect in one transaction); retries a
 * failing event a bounded number of times, then dead-letters it and moves on, so one bad event never blocks its
 * partition; delivers batches to handlers that want them; keeps heartbeating while a handler runs; and on close
 * finishes the batch in hand, commits and leaves the group.
 */
export class HubKafkaServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private closing = false;
  private restartTimer?: NodeJS.Timeout;
  private joined = false;
  private joins = 0;
  private readonly retry: RetryPolicy;
  private readonly schema: string;
  private readonly eventRoutes = new Map<string, MessageHandler>();
  private readonly rawRoutes: { topics: RegExp; handler: MessageHandler }[] = [];
  /** Stops in a row per `topic/partition`, for the back-off of the next one. */
  private readonly stops = new Map<string, number>();
  /** The last answer of each handler that narrows its types, and when it was asked. */
  private readonly wantedReadings = new Map<WantedTypes, { at: number; types: Promise<ReadonlySet<string>> }>();

  constructor(private readonly options: HubConsumerOptions) {
    super();
    installRecordDecoder();
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.schema = String((options.dataSource.options as { schema?: string }).schema ?? 'public');
  }

  /** True once the consumer has joined its group and holds its assignment (false while rebalancing). */
  get isJoined(): boolean {
    return this.joined;
  }

  /** How many times the consumer has joined its group: more than once means it was rebalanced. */
  get groupJoins(): number {
    return this.joins;
  }

  /** Whether a handler takes events of this type. */
  handles(type: string): boolean {
    return this.eventRoutes.has(type);
  }

  /** The topics this server consumes, from its handlers' event types. */
  get topics(): string[] {
    return [...new Set([...this.eventRoutes.keys()].map((type) => this.options.catalog.topicOf(type)))];
  }

  listen(callback: (error?: unknown) => void): void {
    this.closing = false;
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    const consumer = this.consumer;
    this.consumer = undefined;
    // disconnect() waits for the batch in hand, commits resolved offsets and leaves the group.
    await consumer?.disconnect();
    this.joined = false;
  }

  on(): never {
    throw new Error('HubKafkaServer emits no events; watch health and metrics instead');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    this.collectRoutes();
    const subscriptions: (string | RegExp)[] = [...this.topics, ...this.rawRoutes.map((r) => r.topics)];
    if (subscriptions.length === 0) throw new Error(`consumer ${this.options.groupId} has no handlers`);
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3_000,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
      minBytes: Math.max(1, this.options.fetchMinBytes ?? 1),
      maxWaitTimeInMs: this.options.fetchMaxWaitMs ?? 5_000,
    });
    const { GROUP_JOIN, REBALANCING, STOP, CRASH, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, () => {
      this.joined = true;
      this.joins++;
    });
    for (const event of [REBALANCING, STOP, CRASH, DISCONNECT]) consumer.on(event, () => (this.joined = false));
    consumer.on(CRASH, ({ payload }) => {
      if (!payload.restart) this.restartAfterCrash(consumer, payload.error);
    });
    this.consumer = consumer;
    await consumer.connect();
    // A new group reads each topic from its start, so a projection can always be rebuilt from Kafka.
    await consumer.subscribe({ topics: subscriptions, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /**
   * kafkajs starts a crashed consumer again only after an error it deems retriable. A broker that goes away while
   * the consumer joins its group ends it with one it does not ("Failed to find group coordinator"), and the app would
   * consume nothing until restarted: such a consumer is started again here, after a pause, until the server closes.
   */
  private restartAfterCrash(crashed: Consumer, error: Error): void {
    if (this.closing || this.consumer !== crashed) return;
    this.logger.error(
      `consumer ${this.options.groupId} stopped (${error.message}); starting it again in ${RESTART_AFTER_CRASH_MS} ms`,
    );
    this.restartTimer = setTimeout(() => void this.restart(crashed), RESTART_AFTER_CRASH_MS);
  }

  private async restart(crashed: Consumer): Promise<void> {
    if (this.closing || this.consumer !== crashed) return;
    await crashed.disconnect().catch(() => undefined);
    try {
      await this.start();
    } catch (error) {
      // start() made a new consumer before it failed: that one is the crashed one now.
      this.restartAfterCrash(this.consumer!, error as Error);
    }
    // Closed while the new consumer started: it must not outlive the server.
    if (this.closing) await this.consumer?.disconnect().catch(() => undefined);
  }

  private collectRoutes(): void {
    this.eventRoutes.clear();
    this.rawRoutes.length = 0;
    for (const [pattern, handler] of this.messageHandlers) {
      const extras = handler.extras ?? {};
      if (extras.hub === 'raw')
        this.rawRoutes.push({ topics: ownTopics(this.options.catalog.topicPrefix, extras.topics as RegExp), handler });
      else {
        this.options.catalog.topicOf(pattern); // throws for a type the contracts do not declare
        this.eventRoutes.set(pattern, handler);
      }
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, resolveOffset, commitOffsetsIfNecessary } = payload;
    // A long handler would otherwise miss heartbeats and be evicted from the group mid-work.
    const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), 1_000);
    const maxBatch = this.options.maxBatchSize ?? 500;
    let applied: Set<KafkaMessage> | undefined;
    let group: Applicable[] = [];
    const flush = async (): Promise<void> => {
      if (group.length === 0) return;
      const pending = group;
      group = [];
      await this.applyGroup(pending, payload);
      resolveOffset(pending[pending.length - 1].meta.offset);
    };
    try {
      if (this.options.inboxFirst) {
        applied = await this.untilInfrastructureAnswers(payload, () => this.appliedIn(batch.messages));
      }
      const takes = this.rawRoutes.some((r) => r.topics.test(batch.topic))
        ? () => false
        : await this.untilInfrastructureAnswers(payload, () => this.wantedNow());
      for (const message of batch.messages) {
        if (!payload.isRunning() || payload.isStale()) break;
        const work = applied?.has(message)
          ? ({ kind: 'ignored', meta: metaOf(batch.topic, batch.partition, message), message } as const)
          : this.classify(batch.topic, batch.partition, message, takes);
        const batchable = work.kind === 'event' && work.handler.extras?.batch === true;
        if (batchable && (group.length === 0 || (group[0].handler === work.handler && group.length < maxBatch))) {
          group.push(work);
          continue;
        }
        await flush();
        if (batchable) {
          group.push(work);
          continue;
        }
        switch (work.kind) {
          case 'invalid':
            await this.deadLetterOrStop(payload, work, formatFieldErrors(work.errors), 'invalid', 0, work.errors);
            break;
          case 'event':
          case 'raw':
            await this.applyWithRetries(work, payload);
            break;
          case 'ignored':
            break;
        }
        resolveOffset(work.meta.offset);
      }
      await flush();
      await commitOffsetsIfNecessary();
      if (this.stops.size > 0) this.stops.delete(`${batch.topic}/${batch.partition}`);
    } catch (error) {
      if (!(error instanceof Abandoned || error instanceof Stopped)) throw error;
      await commitOffsetsIfNecessary().catch(() => undefined);
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** The messages of a fetched batch whose events this consumer has applied (read by their headers alone). */
  private async appliedIn(messages: KafkaMessage[]): Promise<Set<KafkaMessage>> {
    const peeked = messages.flatMap((message) => {
      const event = peekEventIdentity(message);
      return event ? [{ message, event }] : [];
    });
    const known = await appliedAlready(
      this.options.dataSource.manager,
      this.schema,
      this.options.groupId,
      peeked.map((p) => p.event),
    );
    return new Set(peeked.filter((p) => known.has(`${p.event.source}\u0000${p.event.id}`)).map((p) => p.message));
  }

  /**
   * Whether a handler takes a type now: a handler that narrows its types (HubHandlerOptions.wanted) is asked again
   * once its last answer is older than it allows (batches fetched meanwhile share one asking); the others take all
   * of theirs.
   */
  private async wantedNow(): Promise<(type: string) => boolean> {
    const narrowed = new Map<WantedTypes, ReadonlySet<string>>();
    for (const handler of this.eventRoutes.values()) {
      const wanted = handler.extras?.wanted as WantedTypes | undefined;
      if (!wanted || narrowed.has(wanted)) continue;
      let reading = this.wantedReadings.get(wanted);
      if (!reading || performance.now() - reading.at >= wanted.maxAgeMs) {
        reading = { at: performance.now(), types: wanted.read(this.options.dataSource.manager) };
        this.wantedReadings.set(wanted, reading);
      }
      try {
        narrowed.set(wanted, await reading.types);
      } catch (error) {
        if (this.wantedReadings.get(wanted) === reading) this.wantedReadings.delete(wanted);
        throw error;
      }
    }
    return (type) => {
      const handler = this.eventRoutes.get(type);
      if (!handler) return false;
      const wanted = handler.extras?.wanted as WantedTypes | undefined;
      return wanted ? narrowed.get(wanted)!.has(type) : true;
    };
  }

  private classify(topic: string, partition: number, message: KafkaMessage, takes: (type: string) => boolean): Work {
    const meta = metaOf(topic, partition, message);
    const raw = this.rawRoutes.find((r) => r.topics.test(topic));
    if (raw) {
      return { kind: 'raw', meta, message, handler: raw.handler, raw: { meta, key: meta.key, value: message.value } };
    }
    // Several types share a topic; a consumer takes (and checks) only those it handles.
    const decoded = this.options.catalog.decodeFor(message, takes);
    if (decoded.ok === 'ignored') return { kind: 'ignored', meta, message };
    if (!decoded.ok) return { kind: 'invalid', meta, message, errors: decoded.errors };
    const handler = this.eventRoutes.get(decoded.event.type);
    if (!handler || !takes(decoded.event.type)) return { kind: 'ignored', meta, message };
    return { kind: 'event', meta, message, handler, event: decoded.event };
  }

  /** A batch in one transaction; if it fails, each event on its own, so only the bad one is dead-lettered. */
  private async applyGroup(group: Applicable[], payload: EachBatchPayload): Promise<void> {
    try {
      await this.untilInfrastructureAnswers(payload, () => this.apply(group));
      return;
    } catch (error) {
      if (error instanceof Abandoned) throw error;
      if (group.length > 1) this.logger.warn(`batch of ${group.length} on ${group[0].meta.topic} failed; one by one`);
    }
    for (const work of group) await this.applyWithRetries(work, payload);
  }

  private async applyWithRetries(work: Applicable, payload: EachBatchPayload): Promise<void> {
    const labels = { topic: work.meta.topic, consumer: this.options.groupId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.untilInfrastructureAnswers(payload, () => this.apply([work]));
        return;
      } catch (error) {
        if (error instanceof Abandoned) throw error;
        this.options.metrics?.failed.inc(labels);
        if (error instanceof RejectedMessage) {
          return this.giveUp(work, payload, error.message, 'invalid', attempt, error.errors);
        }
        if (attempt >= this.retry.attempts) {
          const message = redact((error as Error).message ?? String(error), this.redactionsOf([work]));
          const reason = `handler failed after ${attempt} attempt(s): ${message}`;
          return this.giveUp(work, payload, reason, 'handler', attempt);
        }
        await this.pause(payload, backoffMs(this.retry, attempt));
      }
    }
  }

  private async giveUp(
    work: Applicable,
    payload: EachBatchPayload,
    reason: string,
    cause: 'invalid' | 'handler',
    attempts: number,
    errors?: FieldError[],
  ): Promise<void> {
    if (isDeadLetterTopic(work.meta.topic)) {
      // A dead letter has no dead-letter topic of its own, and one passed over would be seen by no operator.
      return this.stopPartition(payload, work.meta, `the dead letter could not be processed: ${reason}`);
    }
    await this.deadLetterOrStop(payload, work, reason, cause, attempts, errors);
  }

  /** Dead-letters the message, or, if even that fails (not for an outage, which is waited out), stops its partition. */
  private async deadLetterOrStop(
    payload: EachBatchPayload,
    work: Work,
    reason: string,
    cause: 'invalid' | 'handler',
    attempts: number,
    errors?: FieldError[],
  ): Promise<void> {
    try {
      await this.untilInfrastructureAnswers(payload, () =>
        this.deadLetter(work.meta, work.message.value, reason, cause, attempts, errors),
      );
    } catch (error) {
      if (error instanceof Abandoned) throw error;
      await this.stopPartition(
        payload,
        work.meta,
        `it could not be dead-lettered (${(error as Error).message}) after: ${reason}`,
      );
    }
  }

  /**
   * Pauses the message's partition, its offset not committed, and resumes it after a back-off that doubles with each
   * stop in a row: the message is then tried again from the start. Nothing is skipped and nothing loops hot; the
   * stop is logged at error level as an alert and shows on hub_consumer_partitions_stopped.
   */
  private async stopPartition(payload: EachBatchPayload, meta: HubMessageMeta, why: string): Promise<never> {
    const key = `${meta.topic}/${meta.partition}`;
    const stops = (this.stops.get(key) ?? 0) + 1;
    this.stops.set(key, stops);
    const first = this.options.stopMs ?? 60_000;
    const delay = Math.min(this.options.maxStopMs ?? 15 * 60_000, first * 2 ** Math.min(stops - 1, 20));
    const labels = { topic: meta.topic, consumer: this.options.groupId };
    this.options.metrics?.deadLetterFailures.inc(labels);
    this.options.metrics?.partitionsStopped.inc(labels);
    this.logger.error(
      `ALERT consumer ${this.options.groupId} stopped ${key} at offset ${meta.offset} for ${delay} ms (stop ${stops} in a row): ${cutText(why, 2_000)}`,
    );
    const resume = payload.pause();
    const timer = setTimeout(() => {
      this.options.metrics?.partitionsStopped.dec(labels);
      resume();
    }, delay);
    timer.unref();
    throw new Stopped(why);
  }

  /** Applies events (all for one handler) in one transaction with their inbox rows; skips those already applied. */
  private async apply(group: Applicable[]): Promise<void> {
    const handler = group[0].handler;
    const started = process.hrtime.bigint();
    const applied = await this.options.dataSource.transaction(async (manager) => {
      const fresh = await this.claim(manager, group);
      if (fresh.length === 0) return 0;
      const context = new HubContext([fresh.map((w) => w.meta), manager]);
      const first = fresh[0];
      const data =
        first.kind === 'raw' ? first.raw : handler.extras?.batch === true ? fresh.map((w) => eventOf(w)) : first.event;
      const logContext =
        first.kind === 'event' && fresh.length === 1
          ? {
              eventId: first.event.id,
              eventType: first.event.type,
              correlationId: first.event.correlationid as string | undefined,
              causationId: first.event.causationid as string | undefined,
              topic: first.meta.topic,
            }
          : { topic: first.meta.topic };
      await withLogContext({ ...logContext, redactions: this.redactionsOf(fresh) }, async () => {
        const result = await handler(data, context);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      });
      return fresh.length;
    });
    const labels = { topic: group[0].meta.topic, consumer: this.options.groupId };
    this.options.metrics?.handlerSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    if (applied > 0) this.options.metrics?.consumed.inc(labels, applied);
  }

  /** The personal values of the events, which the handler's log lines and error text must not carry. */
  private redactionsOf(works: Applicable[]): Redaction[] {
    return works.flatMap((work) => (work.kind === 'event' ? this.options.catalog.redactionsOf(work.event) : []));
  }

  /** Records the events in the inbox; returns those not applied before (the rest are redeliveries). */
  private async claim(manager: EntityManager, group: Applicable[]): Promise<Applicable[]> {
    const unique = new Map<string, Applicable>();
    for (const work of group) {
      const [source, id] = identity(work);
      if (!unique.has(`${source}\u0000${id}`)) unique.set(`${source}\u0000${id}`, work);
    }
    const works = [...unique.values()];
    const recorded = await recordApplied(
      manager,
      this.schema,
      this.options.groupId,
      works.map((w) => ({ source: identity(w)[0], id: identity(w)[1] })),
    );
    const inserted = new Set(recorded.map((r) => `${r.source}\u0000${r.id}`));
    return works.filter((w) => inserted.has(identity(w).join('\u0000')));
  }

  private async deadLetter(
    meta: HubMessageMeta,
    value: Buffer | null,
    reason: string,
    cause: 'invalid' | 'handler',
    attempts: number,
    errors?: FieldError[],
  ): Promise<void> {
    const headers: Record<string, string> = {
      ...meta.headers,
      [DeadLetterHeaders.reason]: cutText(reason, 4_000),
      [DeadLetterHeaders.originalTopic]: meta.topic,
      [DeadLetterHeaders.originalPartition]: String(meta.partition),
      [DeadLetterHeaders.originalOffset]: meta.offset,
      [DeadLetterHeaders.consumer]: this.options.groupId,
      [DeadLetterHeaders.attempts]: String(attempts),
      [DeadLetterHeaders.originalTimestamp]: meta.timestamp,
    };
    if (errors) headers[DeadLetterHeaders.errors] = cutText(JSON.stringify(errors), 8_000);
    const record: KafkaRecord = {
      // Throws for a topic whose name leaves no room for `.dlq` (Kafka's 249 characters): the partition stops.
      topic: deadLetterTopic(meta.topic),
      key: meta.key,
      value: value ?? Buffer.alloc(0),
      headers,
    };
    await this.options.producer.send([
      fitDeadLetter(record, this.options.maxMessageBytes ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES),
    ]);
    this.options.metrics?.deadLettered.inc({ topic: meta.topic, consumer: this.options.groupId, cause });
    this.logger.warn(`dead-lettered ${meta.topic}/${meta.partition}@${meta.offset}: ${reason}`);
  }

  /** Runs `work`, waiting out database or broker outages (they are not the event's fault) until stopped. */
  private async untilInfrastructureAnswers<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
    for (let outage = 1; ; outage++) {
      try {
        return await work();
      } catch (error) {
        if (!isTransientInfrastructureError(error)) throw error;
        this.logger.warn(`infrastructure unavailable (${(error as Error).message}); waiting`);
        await this.pause(payload, backoffMs({ attempts: 0, initialDelayMs: 250, maxDelayMs: 5_000 }, outage));
      }
    }
  }

  private async pause(payload: EachBatchPayload, ms: number): Promise<void> {
    await sleep(ms);
    if (!payload.isRunning() || payload.isStale()) throw new Abandoned();
  }
}

/**
 * The pattern anchored after the deployment's topic prefix: `zone\.ingress\.…` read by a hub with prefix `t-1.` matches
 * `t-1.zone.ingress.spj.v1` only, not another hub's `t-2.zone.ingress.spj.v1` nor the unprefixed one.
 */
export function ownTopics(prefix: string, pattern: RegExp): RegExp {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(?:${pattern.source.replace(/^\^/, '')})`, pattern.flags);
}

function eventOf(work: Applicable): CloudEvent {
  if (work.kind !== 'event') throw new Error('raw messages are not batched');
  return work.event;
}

/** The inbox identity: CloudEvents' source + id; a raw message's position in its partition. */
function identity(work: Applicable): [string, string] {
  return work.kind === 'event'
    ? [work.event.source, work.event.id]
    : [`kafka:${work.meta.topic}/${work.meta.partition}`, work.meta.offset];
}

function metaOf(topic: string, partition: number, message: KafkaMessage): HubMessageMeta {
  let headers: Record<string, string> | undefined;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    // Turned into strings when first read (dead letters, raw handlers): most messages never need them.
    get headers() {
      return (headers ??= headersToStrings(message.headers));
    },
    timestamp: message.timestamp,
  };
}

function headersToStrings(headers: KafkaMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return out;
}
