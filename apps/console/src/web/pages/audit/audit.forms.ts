import { Transform } from 'class-transformer';
import { IsOptional, Length, Matches } from 'class-validator';
import { AUDIT } from './audit.strings';

/** A minute in Beijing time as `<input type="datetime-local">` sends it. */
const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A filter left empty in the form is no filter. */
const EmptyIsNone = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export class AuditPageQuery {
  @Length(1, 64, { message: AUDIT.rules.person })
  @EmptyIsNone()
  @IsOptional()
  person?: string;

  @Matches(LOCAL_MINUTE, { message: AUDIT.rules.since })
  @EmptyIsNone()
  @IsOptional()
  since?: string;

  @Matches(LOCAL_MINUTE, { message: AUDIT.rules.until })
  @EmptyIsNone()
  @IsOptional()
  until?: string;

  @Matches(/^[1-9][0-9]{0,18}$/, { message: AUDIT.rules.before })
  @IsOptional()
  before?: string;
}

/** `2026-12-04T09:00` read as Beijing time (UTC+8, no daylight saving), as the instant the audit API takes. */
export function beijingInstant(local: string | undefined): string | undefined {
  return local === undefined ? undefined : new Date(`${local}:00+08:00`).toISOString();
}
