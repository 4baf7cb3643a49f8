import { Module } from '@nestjs/common';
import { HubEnv } from '@hub/config';
import { AssertionModule } from '@hub/assertion';
import { ConsoleEnv, LedgerSettings, ledgerSettings } from '../console.env';
import { EventLedgerController } from './event-ledger.controller';
import { EventLedgerService } from './event-ledger.service';
import { LedgerAppender } from './ledger-appender';
import { LedgerCheckpointer } from './ledger-checkpointer';
import { LedgerRepository } from './ledger.repository';

/** The tamper-evident record of every event the hub accepted (docs/event-ledger.md). */
@Module({
  imports: [AssertionModule.forApp('console', ConsoleEnv)],
  controllers: [EventLedgerController],
  providers: [
    { provide: LedgerSettings, inject: [HubEnv], useFactory: (env: HubEnv) => ledgerSettings(env as ConsoleEnv) },
    { provide: LedgerRepository, useFactory: () => new LedgerRepository('console') },
    LedgerAppender,
    LedgerCheckpointer,
    EventLedgerService,
  ],
  exports: [EventLedgerService, LedgerAppender],
})
export class EventLedgerModule {}
