import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { PublicationScheduler } from './publication.scheduler';
import { NoticeOverdue } from './use-cases/notice-overdue/notice-overdue.use-case';
import { RecordResultConsumer } from './use-cases/record-result/record-result.consumer';
import { RecordResultController } from './use-cases/record-result/record-result.controller';
import { RecordResult } from './use-cases/record-result/record-result.use-case';

/** 抽查结果 and their publication (公示) within 20 working days. */
@Module({
  imports: [PlansModule],
  controllers: [RecordResultConsumer, RecordResultController],
  providers: [RecordResult, NoticeOverdue, PublicationScheduler],
  exports: [PublicationScheduler, NoticeOverdue],
})
export class ResultsModule {}
