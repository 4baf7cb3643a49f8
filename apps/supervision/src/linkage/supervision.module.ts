import { Module } from '@nestjs/common';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { AssertionModule } from '@hub/assertion';
import { SupervisionEnv } from '../supervision.env';
import { DeadlineScheduler } from './deadline.scheduler';
import { SupervisionRepository } from './supervision.repository';
import { AnswerClaimRequestConsumer } from './use-cases/answer-claim-request/answer-claim-request.consumer';
import { AnswerClaimRequest } from './use-cases/answer-claim-request/answer-claim-request.use-case';
import { ClaimPushController } from './use-cases/claim-push/claim-push.controller';
import { ClaimPush } from './use-cases/claim-push/claim-push.use-case';
import { ReadLedgersController } from './use-cases/read-ledgers/read-ledgers.controller';
import { ReadLedgers } from './use-cases/read-ledgers/read-ledgers.use-case';
import { RebuildConsumer } from './use-cases/rebuild/rebuild.consumer';
import { Rebuild } from './use-cases/rebuild/rebuild.use-case';
import { ReceivePushesConsumer } from './use-cases/receive-pushes/receive-pushes.consumer';
import { ReceivePushes } from './use-cases/receive-pushes/receive-pushes.use-case';
import { RefuseExpiredHolds } from './use-cases/refuse-expired-holds/refuse-expired-holds.use-case';
import { ReturnPushController } from './use-cases/return-push/return-push.controller';
import { ReturnPush } from './use-cases/return-push/return-push.use-case';
import { SendDueNotices } from './use-cases/send-due-notices/send-due-notices.use-case';
import { SupervisePushController } from './use-cases/supervise-push/supervise-push.controller';
import { SupervisePush } from './use-cases/supervise-push/supervise-push.use-case';

/** 认领、退回、监管、反馈: what a supervising department does with the approvals pushed to it, one folder a use case. */
@Module({
  imports: [AssertionModule.forApp('supervision', SupervisionEnv)],
  controllers: [
    ReceivePushesConsumer,
    AnswerClaimRequestConsumer,
    RebuildConsumer,
    ClaimPushController,
    ReturnPushController,
    SupervisePushController,
    ReadLedgersController,
  ],
  providers: [
    SupervisionRepository,
    ReceivePushes,
    ClaimPush,
    AnswerClaimRequest,
    RefuseExpiredHolds,
    ReturnPush,
    SupervisePush,
    SendDueNotices,
    Rebuild,
    ReadLedgers,
    DeadlineScheduler,
    Clock,
    { provide: WorkdayCalendar, useValue: new WorkdayCalendar() },
  ],
  exports: [Clock, DeadlineScheduler],
})
export class SupervisionModule {}
