import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';
import { DEAD_LETTER_STATUSES, DeadLetterStatus } from '../entities/dead-letter.entity';

/** The filters of the list, and of a replay of everything they match. */
export class DeadLetterFilterQuery {
  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsString()
  consumer?: string;

  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;

  /** The department that published the event. */
  @IsOptional()
  @IsDepartmentCode()
  department?: string;

  /** The event's CloudEvents type. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  type?: string;

  /** Part of the reason, any case. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  /** Received at or after (RFC 3339). */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be a date and time (RFC 3339)' })
  from?: Date;

  /** Received before (RFC 3339). */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date and time (RFC 3339)' })
  to?: Date;
}

export class ListDeadLettersQuery extends DeadLetterFilterQuery {
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
