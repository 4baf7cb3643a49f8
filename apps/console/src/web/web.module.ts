import { Module } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { GatewayClient } from './gateway.client';
import { WebSessionGuard } from './web-session.guard';
import { AuditController } from './pages/audit/audit.controller';
import { EventLedgerPageController } from './pages/event-ledger/event-ledger.controller';
import { DeadLetterRecordsController } from './pages/dead-letters/dead-letter-records.controller';
import { DeadLettersPageController } from './pages/dead-letters/dead-letters.controller';
import { InspectionController } from './pages/inspection/inspection.controller';
import { LedgerController } from './pages/ledger/ledger.controller';
import { OperationsPageController } from './pages/operations/operations.controller';
import { LoginController } from './pages/login/login.controller';
import { PeopleController } from './pages/people/people.controller';
import { PublicController } from './pages/public/public.controller';
import { PublicDrawsController, PublicDrawsJsonController } from './pages/public/draws.controller';
import { QueueController } from './pages/queue/queue.controller';
import { RegistryController } from './pages/registry/registry.controller';
import { StatsController } from './pages/stats/stats.controller';
import { TimelineController } from './pages/timeline/timeline.controller';

/**
 * The hub's web front end for people: server-rendered pages (TSX), each reading and acting through the owning
 * app's API at the gateway's door with the person's session. The console stores nothing of it.
 */
@Module({
  controllers: [
    AssetsController,
    LoginController,
    PublicController,
    PublicDrawsController,
    PublicDrawsJsonController,
    LedgerController,
    TimelineController,
    QueueController,
    StatsController,
    PeopleController,
    AuditController,
    RegistryController,
    OperationsPageController,
    EventLedgerPageController,
    DeadLettersPageController,
    DeadLetterRecordsController,
    InspectionController,
  ],
  providers: [GatewayClient, WebSessionGuard],
})
export class WebModule {}
