import { IsString, Matches } from 'class-validator';
import { EVENT_TYPE_PATTERN, IsDepartmentCode } from '@hub/contracts';

export class EntitlementParams {
  @IsDepartmentCode()
  @IsString()
  department!: string;

  @Matches(EVENT_TYPE_PATTERN, { message: 'eventType must be zone.<domain>.<aggregate>.<verb>.v<N>' })
  @IsString()
  eventType!: string;
}
