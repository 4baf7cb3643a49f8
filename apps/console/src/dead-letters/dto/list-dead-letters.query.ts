import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListDeadLettersQuery {
  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsString()
  consumer?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'before must be a dead letter id' })
  before?: string;
}
