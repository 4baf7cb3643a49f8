import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { EVENT_TYPE_PATTERN } from '@hub/contracts';
import { SUBSCRIPTION_STATUSES, SubscriptionStatus } from '../entities/subscription.entity';
import { WEBHOOK_SECRET_PATTERN, WEBHOOK_URL_OPTIONS } from './create-subscription.dto';

/** What a department may change; `status: active` resumes a paused subscription and sends what is pending. */
export class UpdateSubscriptionDto {
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'each event type must be zone.<domain>.<aggregate>.<verb>.v<N>' })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  @ArrayNotEmpty()
  @IsArray()
  @IsOptional()
  eventTypes?: string[];

  @IsUrl(WEBHOOK_URL_OPTIONS, { message: 'webhookUrl must be an http(s) URL without credentials' })
  @MaxLength(2_000)
  @IsString()
  @IsOptional()
  webhookUrl?: string;

  /** A new signing secret (rotation): deliveries sent from now on are signed with it. */
  @Matches(WEBHOOK_SECRET_PATTERN, { message: 'webhookSecret must be 24-256 characters without spaces' })
  @IsString()
  @IsOptional()
  webhookSecret?: string;

  @IsIn(SUBSCRIPTION_STATUSES)
  @IsOptional()
  status?: SubscriptionStatus;
}
