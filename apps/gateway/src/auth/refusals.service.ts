import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { FieldError, formatFieldErrors } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';

/** How the event came in: signed HTTP or a department's Kafka ingress topic. */
export type IntakeChannel = 'http' | 'kafka';

export interface Refusal {
  readonly channel: IntakeChannel;
  /** The caller's department; `unknown` before a credential is established. */
  readonly department: string | undefined;
  /** The problem type (`bad-signature`, `forbidden`, `invalid-event`…). */
  readonly problem: string;
  readonly status?: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly accessKeyId?: string;
  readonly eventId?: string;
  readonly source?: string;
}

/** Every refusal at the door, logged and counted per department on /metrics. */
@Injectable()
export class RefusalsService {
  private readonly logger = new Logger('Refusals');
  private readonly refusals: Counter<'channel' | 'department' | 'problem'>;
  private readonly accepted: Counter<'channel' | 'department'>;

  constructor(metrics: HubMetrics) {
    const registers = [metrics.registry];
    this.refusals = reuse(
      metrics,
      'hub_gateway_refusals_total',
      () =>
        new Counter({
          name: 'hub_gateway_refusals_total',
          help: 'Requests and events the gateway refused, per channel, department and problem type',
          labelNames: ['channel', 'department', 'problem'],
          registers,
        }),
    );
    this.accepted = reuse(
      metrics,
      'hub_gateway_events_accepted_total',
      () =>
        new Counter({
          name: 'hub_gateway_events_accepted_total',
          help: 'Events the gateway committed to its outbox (duplicates excluded), per channel and department',
          labelNames: ['channel', 'department'],
          registers,
        }),
    );
  }

  refused(refusal: Refusal, count = 1): void {
    const department = refusal.department ?? 'unknown';
    this.refusals.inc({ channel: refusal.channel, department, problem: refusal.problem }, count);
    this.logger.warn({
      msg: 'refused',
      channel: refusal.channel,
      department,
      problem: refusal.problem,
      status: refusal.status,
      detail: refusal.detail,
      reason:
        refusal.errors && refusal.errors.length > 0
          ? formatFieldErrors(refusal.errors, { maxLength: 2_000 })
          : undefined,
      accessKeyId: refusal.accessKeyId,
      eventId: refusal.eventId,
      source: refusal.source,
      ...(count > 1 ? { count } : {}),
    });
  }

  acceptedEvents(channel: IntakeChannel, department: string, count: number): void {
    if (count > 0) this.accepted.inc({ channel, department }, count);
  }
}

function reuse<T>(metrics: HubMetrics, name: string, create: () => T): T {
  return (metrics.registry.getSingleMetric(name) as T | undefined) ?? create();
}
