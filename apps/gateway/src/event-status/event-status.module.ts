import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConsumerProgress } from './consumer-progress';
import { EventDeadLetterRetention, RelayedBatchRetention } from './event-status-retention';
import { EventDeadLettersConsumer } from './event-dead-letters.consumer';
import { EventStatusController } from './event-status.controller';
import { EventStatusService } from './event-status.service';

/** What became of a department's events: their receipts, relay and consumers' dead letters. */
@Module({
  imports: [AuthModule],
  controllers: [EventDeadLettersConsumer, EventStatusController],
  providers: [EventStatusService, ConsumerProgress, RelayedBatchRetention, EventDeadLetterRetention],
})
export class EventStatusModule {}
