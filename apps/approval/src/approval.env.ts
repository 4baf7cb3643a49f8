import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';

/** The approval app's environment: calls through the gateway and the push-deadline scheduler, plus its own. */
export class ApprovalEnv extends AssertionEnv {
  /** How often the app's deadline scheduler looks for due notices. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;

  /** Seeds the demo catalogue of matters into an empty catalogue at boot. */
  @Transform(({ value }) => (value === undefined ? undefined : value === true || value === 'true'))
  @IsBoolean()
  DEMO_MATTERS = true;
}
