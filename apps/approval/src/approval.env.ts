import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Min, ValidateBy } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';

/** The approval app's environment: calls through the gateway and the push-deadline scheduler, plus its own. */
export class ApprovalEnv extends AssertionEnv {
  /** How often the app's deadline scheduler looks for due notices. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;

  /**
   * Seeds the demo catalogue of matters into an empty catalogue at boot. Unset: on in development and tests, off in
   * production, where `true` is refused — a production catalogue holds the zone's real matters only.
   */
  @ValidateBy({
    name: 'noDemoInProduction',
    validator: {
      validate: (value: unknown, args) => (args?.object as ApprovalEnv).NODE_ENV !== 'production' || value !== true,
      defaultMessage: () =>
        'DEMO_MATTERS must not be true in production: the demo catalogue is for development and tests',
    },
  })
  @Transform(({ value }) => (value === undefined ? undefined : value === true || value === 'true'))
  @IsBoolean()
  @IsOptional()
  DEMO_MATTERS?: boolean;

  /** Whether the demo catalogue is seeded: DEMO_MATTERS, by default in development and tests only. */
  get seedDemoMatters(): boolean {
    return this.DEMO_MATTERS ?? this.developmentMode;
  }
}
