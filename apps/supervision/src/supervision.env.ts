import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';

/** The supervision app's environment: calls through the gateway and the claim and supervision deadline scheduler. */
export class SupervisionEnv extends AssertionEnv {
  /** How often the app's deadline scheduler looks for due notices. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;

  /**
   * How long a claim that arrived before its push is held for it (milliseconds); past that it is refused and the
   * department claims again once the push has come. Default 14 days: longer than a push may take (two working days
   * after the decision by default, which the National Day holiday stretches to ten calendar days).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1_000)
  @Max(30 * 24 * 3_600_000)
  CLAIM_HOLD_MS = 14 * 24 * 3_600_000;
}
