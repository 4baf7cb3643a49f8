import { Transform } from 'class-transformer';
import { IsDefined, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DEVELOPMENT_SECRET_KEY, NotPublishedInProduction } from '@hub/config';
import { AssertionEnv } from '@hub/assertion';

const toNumber = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : Number(value));

/** The inspection app's environment: calls through the gateway, the draws' sealing key, the alerts' settings. */
export class InspectionEnv extends AssertionEnv {
  /**
   * AES-256-GCM key that seals each locked plan's draw secret at rest until the draw reveals it: base64 of 32 bytes.
   * Its own, not the gateway's: one key opening credentials must not also open the draws. Required in production;
   * unset in development and tests, the public development key.
   */
  @NotPublishedInProduction()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'INSPECTION_SECRET_KEY must be the base64 of 32 random bytes (openssl rand -base64 32)',
  })
  @ValidateIf((env: InspectionEnv) => env.NODE_ENV === 'production' || env.INSPECTION_SECRET_KEY !== undefined)
  @IsDefined({ message: 'INSPECTION_SECRET_KEY is required in production' })
  INSPECTION_SECRET_KEY?: string;

  /**
   * An enterprise drawn for more inspections than this in one year, across all departments, raises an alert
   * (规范涉企行政检查). A joint inspection is one visit.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  INSPECTION_FREQUENCY_THRESHOLD = 3;

  /** How often the app looks for results past their publication deadline. */
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 60_000;

  /** Rows of a CSV import written in one transaction: the job's counts move on after each. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(10_000)
  IMPORT_BATCH_ROWS = 500;

  get secretKey(): Buffer {
    if (this.INSPECTION_SECRET_KEY !== undefined) return Buffer.from(this.INSPECTION_SECRET_KEY, 'base64');
    if (!this.developmentMode) throw new Error('INSPECTION_SECRET_KEY is required in production');
    return DEVELOPMENT_SECRET_KEY;
  }
}
