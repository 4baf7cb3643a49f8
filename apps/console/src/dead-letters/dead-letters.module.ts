import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HubEnv } from '@hub/config';
import { AssertionModule } from '@hub/assertion';
import { HubMetrics } from '@hub/observability';
import { ConsoleEnv } from '../console.env';
import { DeadLetterRetention } from './dead-letter-retention';
import { DeadLettersConsumer } from './dead-letters.consumer';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLetterOperationsController } from './dead-letter-operations.controller';
import { DeadLettersService } from './dead-letters.service';

@Module({
  imports: [AssertionModule.forApp('console', ConsoleEnv)],
  controllers: [DeadLettersConsumer, DeadLetterOperationsController, DeadLettersController],
  providers: [
    DeadLettersService,
    {
      provide: DeadLetterRetention,
      inject: [getDataSourceToken(), HubEnv, HubMetrics],
      useFactory: (dataSource: DataSource, env: HubEnv, metrics: HubMetrics) =>
        new DeadLetterRetention(dataSource, env, metrics),
    },
  ],
})
export class DeadLettersModule {}
