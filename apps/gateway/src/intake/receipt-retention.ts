import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { HubMetrics } from '@hub/observability';
import { RetentionJob } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { IntakeReceipt } from './entities/intake-receipt.entity';

/** Deletes intake receipts older than GATEWAY_RECEIPT_RETENTION_HOURS, in every gateway replica (one at a time). */
@Injectable()
export class ReceiptRetention extends RetentionJob<IntakeReceipt> {
  constructor(dataSource: DataSource, env: GatewayEnv, metrics: HubMetrics) {
    super(dataSource, {
      entity: IntakeReceipt,
      timestamp: 'acceptedAt',
      // Past this, a duplicate of an event finds no receipt and is accepted as a new event.
      hours: env.GATEWAY_RECEIPT_RETENTION_HOURS,
      pruned: new Counter({
        name: 'hub_gateway_receipts_pruned_total',
        help: 'Intake receipts deleted after GATEWAY_RECEIPT_RETENTION_HOURS',
        registers: [metrics.registry],
      }),
      rows: 'intake receipts',
    });
  }
}
