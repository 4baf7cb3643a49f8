import { Module } from '@nestjs/common';
import { AssertionModule } from '@hub/assertion';
import { ConsoleEnv } from '../console.env';
import { EventLedgerModule } from '../event-ledger/event-ledger.module';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

@Module({
  imports: [AssertionModule.forApp('console', ConsoleEnv), EventLedgerModule],
  controllers: [OperationsController],
  providers: [OperationsService],
})
export class OperationsModule {}
