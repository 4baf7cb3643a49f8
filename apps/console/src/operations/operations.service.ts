import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { Gauge } from 'prom-client';
import { EntityManager } from 'typeorm';
import { HubEnv } from '@hub/config';
import { LEDGER_GROUP } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { ConsoleEnv, operationsTargets } from '../console.env';
import { EventLedgerService, LedgerStatus } from '../event-ledger/event-ledger.service';
import { ReplicaView, probe } from './app-probe';
import { PartitionLag, groupLag } from './kafka-lag';

export interface GroupLag {
  group: string;
  lag: number;
  partitions: PartitionLag[];
}

/** One sample of every group's total lag, for the trend. */
export interface LagSample {
  at: string;
  lags: Record<string, number>;
}

export interface Overview {
  at: string;
  replicas: ReplicaView[];
  groups: GroupLag[];
  /** The last hour of lag samples, one a minute at most, oldest first (this replica's own). */
  trend: LagSample[];
  ledger: LedgerStatus | null;
  deadLetters: { topic: string; open: number }[];
}

const SAMPLE_EVERY_MS = 15_000;
const TREND_SAMPLES = 240;

/**
 * What the operators' overview shows, read where it is: readiness and counters from each replica's own
 * /health/ready and /metrics, lag from the broker (admin API), the ledger and the open dead letters from the console.
 */
@Injectable()
export class OperationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly trend: LagSample[] = [];
  private timer?: NodeJS.Timeout;
  private readonly lagGauge: Gauge;
  private readonly ledgerBehind: Gauge;

  constructor(
    private readonly env: HubEnv,
    private readonly kafka: Kafka,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly ledger: EventLedgerService,
    metrics: HubMetrics,
  ) {
    // For Prometheus (ops/): the broker's lag as the console last sampled it.
    this.lagGauge = new Gauge({
      name: 'hub_consumer_lag_messages',
      help: 'Messages not yet consumed, per consumer group and partition, from the broker (sampled by the console)',
      labelNames: ['group', 'topic', 'partition'],
      registers: [metrics.registry],
    });
    this.ledgerBehind = new Gauge({
      name: 'hub_ledger_behind_messages',
      help: 'Accepted events not yet in the event ledger',
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sample().catch(() => undefined), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async overview(): Promise<Overview> {
    const now = Date.now();
    const targets = operationsTargets(this.env as ConsoleEnv);
    const [replicas, groups, ledger, deadLetters] = await Promise.all([
      Promise.all(targets.map((t) => probe(t, now))),
      this.groups().catch(() => []),
      this.ledger.status().catch(() => null),
      this.openDeadLetters(),
    ]);
    return { at: new Date(now).toISOString(), replicas, groups, trend: [...this.trend], ledger, deadLetters };
  }

  /** Every consumer group of this deployment (its topic prefix), with its lag per partition. */
  async groups(): Promise<GroupLag[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const prefix = this.env.KAFKA_TOPIC_PREFIX;
      const { groups } = await admin.listGroups();
      const ours = groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix) && !g.includes('probe-'));
      const result: GroupLag[] = [];
      for (const group of ours.sort()) {
        const committed = await admin.fetchOffsets({ groupId: group });
        const topics = committed.map((c) => c.topic);
        const partitions = await groupLag(admin, group, topics);
        result.push({ group, lag: partitions.reduce((s, p) => s + p.lag, 0), partitions });
      }
      return result;
    } finally {
      await admin.disconnect();
    }
  }

  private async sample(): Promise<void> {
    const groups = await this.groups();
    this.lagGauge.reset();
    for (const g of groups)
      for (const p of g.partitions)
        this.lagGauge.set({ group: g.group, topic: p.topic, partition: String(p.partition) }, p.lag);
    const ledger = groups.find((g) => g.group === `${this.env.KAFKA_TOPIC_PREFIX}${LEDGER_GROUP}`);
    if (ledger) this.ledgerBehind.set(ledger.lag);
    this.trend.push({ at: new Date().toISOString(), lags: Object.fromEntries(groups.map((g) => [g.group, g.lag])) });
    if (this.trend.length > TREND_SAMPLES) this.trend.splice(0, this.trend.length - TREND_SAMPLES);
  }

  private async openDeadLetters(): Promise<{ topic: string; open: number }[]> {
    const rows = (await this.manager.query(
      `SELECT original_topic AS topic, count(*)::int AS open FROM console.dead_letter WHERE status = 'open'
        GROUP BY original_topic ORDER BY open DESC LIMIT 100`,
    )) as { topic: string; open: number }[];
    return rows;
  }
}
