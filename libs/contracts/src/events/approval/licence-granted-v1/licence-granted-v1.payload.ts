import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { LicenceDecisionBase } from '../licence-decision.base';

/** One promise of a 告知承诺 applicant. */
export class Commitment {
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'code must be 1-20 letters, digits or -' })
  @IsString()
  code!: string;

  @Length(1, 500)
  @IsString()
  text!: string;
}

/** 审批局 granted a licence; for a 告知承诺 matter it carries the commitments the applicant made. */
export class LicenceGrantedV1Payload extends LicenceDecisionBase {
  /** 有效期至. */
  @IsCalendarDate()
  @IsString()
  @IsOptional()
  validUntil?: string;

  /** 告知承诺制: what the applicant promised, verified afterwards by the supervising department. */
  @ValidateNested({ each: true })
  @Type(() => Commitment)
  @IsObject({ each: true, message: 'each item must be a JSON object' })
  @ArrayMinSize(1)
  @IsArray()
  @IsOptional()
  commitments?: Commitment[];
}
