import { Module } from '@nestjs/common';
import { DepartmentAuthModule } from '@hub/department-auth';
import { ConsoleEnv } from '../console.env';
import { DeadLettersConsumer } from './dead-letters.consumer';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

@Module({
  imports: [DepartmentAuthModule.forEnv(ConsoleEnv)],
  controllers: [DeadLettersConsumer, DeadLettersController],
  providers: [DeadLettersService],
})
export class DeadLettersModule {}
