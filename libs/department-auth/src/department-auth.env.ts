import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { HubEnv } from '@hub/config';

/** What an app that takes signed calls from department systems, and runs deadline schedulers, needs. */
export class DepartmentAuthEnv extends HubEnv {
  @IsIn(['development', 'test', 'production'])
  @IsOptional()
  NODE_ENV?: string;

  /**
   * Who may call the app's API: `accessKeyId:DEPARTMENT:secret` entries separated by `;`, requests signed with
   * HUB-HMAC-SHA256 (spec/HTTP-SIGNING.md). Unset outside production: the demo credentials (see linkage README).
   */
  @Matches(/^[A-Za-z0-9._-]{1,128}:[A-Z]{2,6}:\S{8,256}(;[A-Za-z0-9._-]{1,128}:[A-Z]{2,6}:\S{8,256})*$/, {
    message: 'LINKAGE_CREDENTIALS must be accessKeyId:DEPARTMENT:secret entries separated by ;',
  })
  @IsOptional()
  LINKAGE_CREDENTIALS?: string;

  /** How often the app's deadline scheduler looks for due notices. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;
}
