import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsRfc3339 } from '@hub/contracts';

export class AsOfQuery {
  /** Judge overdue as of this instant (default: now). */
  @IsRfc3339()
  @IsString()
  @IsOptional()
  asOf?: string;
}

export class RevocationRequestsQuery {
  @IsIn(['open', 'revoked'])
  @IsString()
  @IsOptional()
  state?: 'open' | 'revoked';
}
