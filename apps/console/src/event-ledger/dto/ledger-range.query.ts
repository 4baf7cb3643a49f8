import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** A range of entries by seq, both ends included; widened to the checkpoints around it. */
export class LedgerRangeQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'from must be an entry number' })
  @Min(1, { message: 'from must be at least 1' })
  from?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'to must be an entry number' })
  @Min(1, { message: 'to must be at least 1' })
  to?: number;
}

export class LedgerEntryParams {
  @Type(() => Number)
  @IsInt({ message: 'seq must be an entry number' })
  @Min(1, { message: 'seq must be at least 1' })
  seq!: number;
}
