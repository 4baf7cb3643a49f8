import { Global, Module } from '@nestjs/common';
import { AssertionModule } from '@hub/assertion';
import { SecretBox } from '@hub/auth';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { InspectionEnv } from './inspection.env';

/** What every part of the inspection app shares: the assertion guard, one clock, the calendar, the sealing box. */
@Global()
@Module({
  imports: [AssertionModule.forApp('inspection', InspectionEnv)],
  providers: [
    Clock,
    { provide: WorkdayCalendar, useValue: new WorkdayCalendar() },
    { provide: SecretBox, useFactory: (env: InspectionEnv) => new SecretBox(env.secretKey), inject: [InspectionEnv] },
  ],
  exports: [AssertionModule, Clock, WorkdayCalendar, SecretBox],
})
export class InspectionCoreModule {}
