import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { DeliveryConsumer } from './delivery.consumer';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryRecorder } from './delivery-recorder.service';
import { DeliveryWorker } from './delivery.worker';
import { HostResolver } from './host-resolver';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook.sender';
import { WebhookTargetPolicy } from './webhook-target.policy';

/** Delivery to departments: subscriptions, the recording consumer, the webhook worker, egress forwarding. */
@Module({
  imports: [AuthModule, EntitlementsModule],
  controllers: [SubscriptionsController, DeliveryConsumer],
  providers: [
    DeliveryMetrics,
    DeliveryRecorder,
    DeliveryWorker,
    HostResolver,
    SubscriptionsService,
    WebhookSecrets,
    WebhookSender,
    WebhookTargetPolicy,
  ],
})
export class DeliveryModule {}
