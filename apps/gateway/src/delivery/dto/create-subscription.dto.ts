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
import { SUBSCRIPTION_MODES, SubscriptionMode } from '../entities/subscription.entity';

export const WEBHOOK_URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  disallow_auth: true,
};

export const WEBHOOK_SECRET_PATTERN = /^\S{24,256}$/;

export class CreateSubscriptionDto {
  /** Event types to receive; each must be one the department is entitled to. */
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'each event type must be zone.<domain>.<aggregate>.<verb>.v<N>' })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  @ArrayNotEmpty()
  @IsArray()
  eventTypes!: string[];

  /** `webhook`: the hub POSTs each event to `url`, signed; `egress`: the hub puts it on the department's egress topic. */
  @IsIn(SUBSCRIPTION_MODES)
  mode!: SubscriptionMode;

  /** Where webhook deliveries go (http or https): required for a webhook, absent for egress (the service checks). */
  @IsUrl(WEBHOOK_URL_OPTIONS, { message: 'webhookUrl must be an http(s) URL without credentials' })
  @MaxLength(2_000)
  @IsString()
  @IsOptional()
  webhookUrl?: string;

  /**
   * The secret deliveries are signed with, if the department wants to choose it; by default the hub makes one and
   * shows it once, in the answer.
   */
  @Matches(WEBHOOK_SECRET_PATTERN, { message: 'webhookSecret must be 24-256 characters without spaces' })
  @IsString()
  @IsOptional()
  webhookSecret?: string;
}
