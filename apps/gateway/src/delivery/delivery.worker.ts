import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { pruneInBatches, sessionClient } from '@hub/persistence';
import { GatewayEnv } from '../gateway.env';
import { ClaimedDelivery, DeliveriesRepository } from './deliveries.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { deliveryChannel } from './delivery-recorder.service';
import { retryDelayMs } from './delivery-schedule';
import { SubscriptionsRepository } from './subscriptions.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookOutcome, WebhookSender } from './webhook.sender';

/** How often one replica prunes what the retention period no longer covers (the others skip while it does). */
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_BATCH = 5_000;
/** A lease outlasts the call by this much, so that recording its outcome never races another worker. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends the webhook deliveries: claims due ones (each the oldest undelivered of its subscription and key),
 * calls the receivers, records each outcome, retries failures with exponential back-off, and pauses a
 * subscription whose deliveries have failed for the whole retry window. All state is in PostgreSQL, so a
 * restarted or second replica carries on where the first left off; a delivery whose worker died mid-call is sent
 * again when its lease runs out (same Hub-Delivery-Id: the receiver drops the copy).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private signalled = false;
  private readonly inFlight = new Set<Promise<void>>();
  private listener?: Client;
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: GatewayEnv,
    private readonly sender: WebhookSender,
    private readonly secrets: WebhookSecrets,
    private readonly metrics: DeliveryMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, lets the calls in flight finish (each is bounded by DELIVERY_TIMEOUT_MS) and records them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.signal();
    await this.loop;
    await Promise.all(this.inFlight);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.listen();
        const free = this.env.DELIVERY_CONCURRENCY - this.inFlight.size;
        const token = randomUUID();
        const claimed =
          free > 0
            ? await DeliveriesRepository.claim(
                this.dataSource.manager,
                free,
                this.env.DELIVERY_TIMEOUT_MS + LEASE_MARGIN_MS,
                token,
              )
            : [];
        for (const delivery of claimed) this.track(this.attempt(delivery, token));
        await this.pruneWhenDue();
        // A full claim may leave more due deliveries behind; otherwise wait for news (a NOTIFY, a finished call).
        if (free === 0 || claimed.length < free) await this.idle(this.env.DELIVERY_POLL_MS);
      } catch (error) {
        this.logger.warn(`delivery worker: ${(error as Error).message}; retrying`);
        await this.idle(1_000);
      }
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      // A slot is free, and the next delivery of the same key may now be due.
      this.signal();
    });
  }

  private async attempt(delivery: ClaimedDelivery, token: string): Promise<void> {
    const started = process.hrtime.bigint();
    let outcome: WebhookOutcome;
    try {
      const secret = this.secrets.open(delivery.sealedSecret, delivery.subscriptionId);
      outcome = await this.sender.send({
        url: delivery.url,
        secret,
        deliveryId: delivery.id,
        body: delivery.body,
        timeoutMs: this.env.DELIVERY_TIMEOUT_MS,
      });
    } catch (error) {
      outcome = { ok: false, statusCode: null, error: `not sent: ${(error as Error).message}` };
    }
    this.metrics.attemptSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    this.metrics.attempts.inc({ outcome: outcome.ok ? 'delivered' : 'failed' });
    try {
      await this.settle(delivery, token, outcome);
    } catch (error) {
      // The lease runs out and the delivery is sent again, under the same id: late rather than lost.
      this.logger.warn(`could not record the outcome of delivery ${delivery.id}: ${(error as Error).message}`);
    }
  }

  private async settle(delivery: ClaimedDelivery, token: string, outcome: WebhookOutcome): Promise<void> {
    if (outcome.ok) {
      await DeliveriesRepository.markDelivered(this.dataSource.manager, delivery.seq, token, outcome.statusCode);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await SubscriptionsRepository.lockForChange(manager, delivery.subscriptionId);
      const result = await DeliveriesRepository.markFailed(manager, delivery.seq, token, {
        statusCode: outcome.statusCode,
        error: outcome.error.slice(0, 1_000),
        retryInMs: retryDelayMs(
          { baseMs: this.env.DELIVERY_BACKOFF_BASE_MS, maxMs: this.env.DELIVERY_BACKOFF_MAX_MS },
          delivery.attempts,
        ),
        retryWindowMs: this.env.DELIVERY_RETRY_WINDOW_MS,
      });
      if (!result?.exhausted) return;
      const reason = `deliveries failed for ${formatDuration(this.env.DELIVERY_RETRY_WINDOW_MS)}; last: ${outcome.error}`;
      if (await SubscriptionsRepository.pause(manager, delivery.subscriptionId, reason.slice(0, 1_000))) {
        await DeliveriesRepository.hold(manager, delivery.subscriptionId);
        this.metrics.paused.inc();
        this.logger.warn(`subscription ${delivery.subscriptionId} paused: ${reason}`);
      }
    });
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const olderThan = new Date(Date.now() - this.env.DELIVERY_RETENTION_HOURS * 3_600_000);
    await pruneInBatches(
      this.dataSource,
      `${deliveryChannel(this.dataSource)}:prune`,
      PRUNE_BATCH,
      async (m, limit) => {
        const pruned = await DeliveriesRepository.prune(m, olderThan, limit);
        return Math.max(pruned.deliveries, pruned.events);
      },
    );
  }

  /** LISTENs for new deliveries on its own session; without it (database away) the worker polls. */
  private async listen(): Promise<void> {
    if (this.listener) return;
    const client = sessionClient(this.env.DATABASE_URL, 'gateway-deliveries', this.env.databaseTimeouts);
    const drop = (): void => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', () => this.signal());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN "${deliveryChannel(this.dataSource)}"`);
    } catch (error) {
      drop();
      this.logger.debug?.(`not listening for new deliveries (${(error as Error).message}); polling`);
    }
  }

  private signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  /** Sleeps until signalled or `ms` pass. */
  private async idle(ms: number): Promise<void> {
    if (!this.running || this.signalled) {
      this.signalled = false;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
    this.wake = undefined;
    this.signalled = false;
  }
}

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1_000} s`;
}
