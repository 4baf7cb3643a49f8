import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { DepartmentAuthEnv } from '@hub/department-auth';

/** The approval app's environment: signed department calls and the push-deadline scheduler, plus its own. */
export class ApprovalEnv extends DepartmentAuthEnv {
  /** Seeds the demo catalogue of matters into an empty catalogue at boot. */
  @Transform(({ value }) => (value === undefined ? undefined : value === true || value === 'true'))
  @IsBoolean()
  DEMO_MATTERS = true;
}
