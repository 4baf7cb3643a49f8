import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DEAD_LETTER_STATUSES, DeadLetterStatus } from '../entities/dead-letter.entity';

export class ListDeadLettersQuery {
  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsString()
  consumer?: string;

  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;

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
