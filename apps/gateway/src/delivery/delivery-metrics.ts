import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { HubMetrics } from '@hub/observability';

/** The delivery side's metrics, on the app's own registry (/metrics). */
@Injectable()
export class DeliveryMetrics {
  readonly recorded: Counter<'mode'>;
  readonly attempts: Counter<'outcome'>;
  readonly attemptSeconds: Histogram;
  readonly paused: Counter;

  constructor(metrics: HubMetrics) {
    const registers = [metrics.registry];
    this.recorded = new Counter({
      name: 'hub_deliveries_recorded_total',
      help: 'Events matched to subscriptions: webhook deliveries recorded, or events forwarded to egress topics',
      labelNames: ['mode'],
      registers,
    });
    this.attempts = new Counter({
      name: 'hub_webhook_attempts_total',
      help: 'Webhook delivery attempts; outcome is "delivered" (a 2xx answer) or "failed"',
      labelNames: ['outcome'],
      registers,
    });
    this.attemptSeconds = new Histogram({
      name: 'hub_webhook_attempt_seconds',
      help: 'Time from sending a webhook delivery to its answer',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.paused = new Counter({
      name: 'hub_subscriptions_paused_total',
      help: 'Subscriptions paused because their deliveries kept failing for the whole retry window',
      registers,
    });
  }
}
