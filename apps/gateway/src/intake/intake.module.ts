import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IntakeBodyReader } from './intake-body.reader';
import { IntakeRateLimit } from './intake-rate-limit';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

/** Signed HTTP intake of CloudEvents; IntakeService is also what the Kafka ingress admits events through. */
@Module({
  imports: [AuthModule],
  controllers: [IntakeController],
  providers: [IntakeBodyReader, IntakeRateLimit, IntakeRepository, IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
