import { ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, Matches, Min } from 'class-validator';
import { IsDepartmentCode } from '../../../departments/departments';
import { IsCalendarDate, IsRfc3339 } from '../../../validation/format.decorators';
import { PlanEventBase } from '../inspection.base';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A plan was locked (SSGK-DRAW-1): its candidates and every target's eligible inspectors are fixed, and the hub
 * commits to its secret before anyone can know the witness's entropy.
 */
export class PlanLockedV1Payload extends PlanEventBase {
  /** The lock's number within the plan: a void-and-redraw locks again, with a new secret. */
  @Min(1)
  @IsInt()
  lock!: number;

  @IsDepartmentCode()
  @IsString()
  leadDepartment!: string;

  @IsDepartmentCode({ each: true })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  departments!: string[];

  /** Lowercase hex SHA-256 of the secret. */
  @Matches(SHA256_HEX, { message: 'commitment must be 64 lowercase hex digits' })
  @IsString()
  commitment!: string;

  @Matches(SHA256_HEX, { message: 'candidateDigest must be 64 lowercase hex digits' })
  @IsString()
  candidateDigest!: string;

  @Min(0)
  @IsInt()
  candidates!: number;

  /** Enterprises left out, each with its reason on the plan's public page (e.g. at the annual cap). */
  @Min(0)
  @IsInt()
  excluded!: number;

  @IsCalendarDate()
  @IsString()
  inspectionDate!: string;

  @IsRfc3339()
  @IsString()
  lockedAt!: string;
}
