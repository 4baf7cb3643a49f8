import { Module } from '@nestjs/common';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { AssertionModule } from '@hub/assertion';
import { ApprovalEnv } from '../approval.env';
import { MattersModule } from '../matters/matters.module';
import { LinkageRepository } from './linkage.repository';
import { PushDeadlineScheduler } from './push-deadline.scheduler';
import { AssignController } from './use-cases/assign/assign.controller';
import { Assign } from './use-cases/assign/assign.use-case';
import { ReadLinkageController } from './use-cases/read-linkage/read-linkage.controller';
import { ReadLinkage } from './use-cases/read-linkage/read-linkage.use-case';
import { RebuildConsumer } from './use-cases/rebuild/rebuild.consumer';
import { Rebuild } from './use-cases/rebuild/rebuild.use-case';
import { ReceiveDecisionConsumer } from './use-cases/receive-decision/receive-decision.consumer';
import { ReceiveDecision } from './use-cases/receive-decision/receive-decision.use-case';
import { RecordFeedbackConsumer } from './use-cases/record-feedback/record-feedback.consumer';
import { RecordFeedback } from './use-cases/record-feedback/record-feedback.use-case';
import { SendDueNotices } from './use-cases/send-due-notices/send-due-notices.use-case';

/** 双推送、协调、互反馈: the 审批局's side of 审管衔接, one folder a use case. */
@Module({
  imports: [AssertionModule.forApp('approval', ApprovalEnv), MattersModule],
  controllers: [
    ReceiveDecisionConsumer,
    RebuildConsumer,
    RecordFeedbackConsumer,
    AssignController,
    ReadLinkageController,
  ],
  providers: [
    LinkageRepository,
    ReceiveDecision,
    Assign,
    SendDueNotices,
    Rebuild,
    RecordFeedback,
    ReadLinkage,
    PushDeadlineScheduler,
    Clock,
    { provide: WorkdayCalendar, useValue: new WorkdayCalendar() },
  ],
  exports: [Clock, PushDeadlineScheduler],
})
export class LinkageModule {}
