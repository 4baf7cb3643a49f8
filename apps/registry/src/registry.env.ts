import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

/** The registry app's environment: the windows of 实时汇聚 and 企业设立同步发放电子印章, and its scheduler. */
export class RegistryEnv extends AssertionEnv {
  /** How often the scheduler looks for enterprises whose seal window has passed. */
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  SCHEDULER_INTERVAL_MS = 10_000;

  /** 实时汇聚: an e-licence aggregated later than this after its grant (milliseconds) missed the window. Default 1 h. */
  @Transform(toNumber)
  @IsInt()
  @Min(1_000)
  @Max(30 * 24 * 3_600_000)
  REGISTRY_LAG_WINDOW_MS = 3_600_000;

  /** 企业设立同步发放电子印章: how long after its business licence is granted an enterprise's seal set may take. 1 day. */
  @Transform(toNumber)
  @IsInt()
  @Min(1_000)
  @Max(30 * 24 * 3_600_000)
  REGISTRY_SEAL_WINDOW_MS = 24 * 3_600_000;

  /** The seal set an enterprise gets at its establishment, as seal type codes (GB/T 38540): 公章, 财务, 发票, 合同, 法人. */
  @Matches(/^(0[1-6]|99)(,(0[1-6]|99))*$/, {
    message: 'REGISTRY_REQUIRED_SEAL_TYPES must be seal type codes separated by commas, e.g. 01,02,03',
  })
  @IsString()
  REGISTRY_REQUIRED_SEAL_TYPES = '01,02,03,04,05';
}
