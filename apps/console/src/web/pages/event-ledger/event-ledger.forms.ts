import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { EVENT_LEDGER } from './event-ledger.strings';

export class EventLedgerQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: EVENT_LEDGER.rules.entry })
  @Min(1, { message: EVENT_LEDGER.rules.entry })
  from?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: EVENT_LEDGER.rules.entry })
  @Min(1, { message: EVENT_LEDGER.rules.entry })
  to?: number;

  @IsOptional()
  @IsIn(['1'])
  verify?: string;
}
