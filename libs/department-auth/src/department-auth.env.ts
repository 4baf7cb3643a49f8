import { Transform } from 'class-transformer';
import { IsDefined, IsInt, Matches, Min, ValidateIf } from 'class-validator';
import { HubEnv, NotPublishedInProduction } from '@hub/config';

const secretsOfEntries = (text: string): string[] =>
  text.split(';').map((entry) => entry.split(':').slice(2).join(':'));

/** What an app that takes signed calls from department systems, and runs deadline schedulers, needs. */
export class DepartmentAuthEnv extends HubEnv {
  /**
   * Who may call the app's API: `accessKeyId:DEPARTMENT:secret` entries separated by `;`, requests signed with
   * HUB-HMAC-SHA256 (spec/HTTP-SIGNING.md). Required in production; unset in development and tests: the demo
   * credentials (see linkage README).
   */
  @ValidateIf((env: DepartmentAuthEnv) => env.NODE_ENV === 'production' || env.LINKAGE_CREDENTIALS !== undefined)
  @IsDefined({ message: 'LINKAGE_CREDENTIALS is required in production' })
  @NotPublishedInProduction(secretsOfEntries)
  @Matches(/^[A-Za-z0-9._-]{1,128}:[A-Z]{2,6}:\S{8,256}(;[A-Za-z0-9._-]{1,128}:[A-Z]{2,6}:\S{8,256})*$/, {
    message: 'LINKAGE_CREDENTIALS must be accessKeyId:DEPARTMENT:secret entries separated by ;',
  })
  LINKAGE_CREDENTIALS?: string;

  /** How often the app's deadline scheduler looks for due notices. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;
}
