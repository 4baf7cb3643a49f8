import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsRfc3339 } from '@hub/contracts';

export class EventIdParams {
  /** The event's CloudEvents `id`, as the department sent it. */
  @Length(1, 1024)
  @IsString()
  id!: string;
}

export class EventStatusQuery {
  /** Needed only when the department sent events of this id from more than one source. */
  @Length(1, 1024)
  @IsString()
  @IsOptional()
  source?: string;
}

/** `GET /v1/dead-letters?since=…&limit=…`: the department's events' dead letters, oldest first; poll with `since`. */
export class DeadLettersQuery {
  @IsRfc3339()
  @IsString()
  @IsOptional()
  since?: string;

  @Max(500)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit = 100;
}
