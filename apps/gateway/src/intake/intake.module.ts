import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IntakeRateLimit } from './intake-rate-limit';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';
import { RateBucketsRepository } from './rate-buckets.repository';
import { ReceiptRetention } from './receipt-retention';

/**
 * Signed HTTP intake of CloudEvents, and the retention of its receipts; IntakeService is also what the Kafka ingress
 * admits events through.
 */
@Module({
  imports: [AuthModule],
  controllers: [IntakeController],
  providers: [IntakeRateLimit, IntakeRepository, IntakeService, RateBucketsRepository, ReceiptRetention],
  exports: [IntakeService],
})
export class IntakeModule {}
