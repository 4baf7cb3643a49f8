import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListActionsQuery {
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'letter must be a dead letter id' })
  letter?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'before must be an action id' })
  before?: string;
}
