import { IsString, Matches } from 'class-validator';
import { EVENT_TYPE_PATTERN } from '@hub/contracts';

export class EventTypeParams {
  @Matches(EVENT_TYPE_PATTERN, { message: 'type must be zone.<domain>.<aggregate>.<verb>.v<N>' })
  @IsString()
  type!: string;
}
