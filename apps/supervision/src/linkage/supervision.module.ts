import { Module } from '@nestjs/common';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { AssertionModule } from '@hub/assertion';
import { SupervisionEnv } from '../supervision.env';
import { DeadlineScheduler } from './deadline.scheduler';
import { LedgersService } from './ledgers.service';
import { SupervisionConsumer } from './supervision.consumer';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [AssertionModule.forApp('supervision', SupervisionEnv)],
  controllers: [SupervisionConsumer, SupervisionController],
  providers: [
    SupervisionService,
    LedgersService,
    DeadlineScheduler,
    Clock,
    { provide: WorkdayCalendar, useValue: new WorkdayCalendar() },
  ],
  exports: [Clock, SupervisionService, DeadlineScheduler],
})
export class SupervisionModule {}
