import { Module } from '@nestjs/common';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { AssertionModule } from '@hub/assertion';
import { ApprovalEnv } from '../approval.env';
import { FeedbackService } from './feedback.service';
import { LinkageQueriesService } from './linkage-queries.service';
import { LinkageConsumer } from './linkage.consumer';
import { LinkageController } from './linkage.controller';
import { LinkageService } from './linkage.service';
import { PushDeadlineScheduler } from './push-deadline.scheduler';

@Module({
  imports: [AssertionModule.forApp('approval', ApprovalEnv)],
  controllers: [LinkageConsumer, LinkageController],
  providers: [
    LinkageService,
    FeedbackService,
    LinkageQueriesService,
    PushDeadlineScheduler,
    Clock,
    { provide: WorkdayCalendar, useValue: new WorkdayCalendar() },
  ],
  exports: [Clock, LinkageService, PushDeadlineScheduler],
})
export class LinkageModule {}
