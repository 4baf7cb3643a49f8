import { IsString, Matches } from 'class-validator';

export const SUBSCRIPTION_ID_PATTERN = /^sub-[0-9a-f]{16}$/;

export class SubscriptionParams {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'id must be a subscription id such as sub-0123456789abcdef' })
  @IsString()
  id!: string;
}
