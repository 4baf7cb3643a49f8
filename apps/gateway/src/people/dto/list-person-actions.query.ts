import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';

/** `GET /v1/audit/people-actions?person=&since=&until=&limit=&before=`: newest first; page with `before`. */
export class ListPersonActionsQuery {
  /** An account id or a username (a failed login is kept under the username tried). */
  @Length(1, 64)
  @IsOptional()
  person?: string;

  /** ISO 8601; from this instant on. */
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  @Type(() => Date)
  @IsOptional()
  since?: Date;

  /** ISO 8601; before this instant. */
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  @Type(() => Date)
  @IsOptional()
  until?: Date;

  @Max(500)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit = 100;

  /** The `id` of the last action seen: the page continues with older ones. */
  @Matches(/^[1-9][0-9]{0,18}$/, { message: 'before must be the id of an action' })
  @IsOptional()
  before?: string;
}
