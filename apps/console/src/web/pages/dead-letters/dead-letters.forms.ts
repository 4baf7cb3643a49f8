import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';
import { CsrfForm } from '../../forms';
import { DEAD_LETTERS } from './dead-letters.strings';

const R = DEAD_LETTERS.rules;
const LETTER_ID = /^\d{1,18}$/;
/** A `datetime-local` input's value, read as Beijing time. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const emptyIsNone = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The list's filters, in the URL; also the hidden fields of "replay every letter they match". */
export class DeadLetterFilterForm extends CsrfForm {
  @Length(1, 200, { message: R.topic })
  @IsString({ message: R.topic })
  @Transform(emptyIsNone)
  @IsOptional()
  topic?: string;

  @IsDepartmentCode({ message: R.department })
  @Transform(emptyIsNone)
  @IsOptional()
  department?: string;

  @Length(1, 200, { message: R.type })
  @IsString({ message: R.type })
  @Transform(emptyIsNone)
  @IsOptional()
  type?: string;

  @Length(1, 200, { message: R.reason })
  @IsString({ message: R.reason })
  @Transform(emptyIsNone)
  @IsOptional()
  reason?: string;

  @Matches(LOCAL_TIME, { message: R.time })
  @Transform(emptyIsNone)
  @IsOptional()
  from?: string;

  @Matches(LOCAL_TIME, { message: R.time })
  @Transform(emptyIsNone)
  @IsOptional()
  to?: string;

  @IsIn(['open', 'replayed', 'discarded'], { message: R.status })
  @Transform(emptyIsNone)
  @IsOptional()
  status?: string;
}

export class DeadLettersPageQuery extends DeadLetterFilterForm {
  @Matches(LETTER_ID, { message: R.before })
  @IsOptional()
  before?: string;

  /** After a replay of many: how many were replayed and refused. */
  @Matches(/^\d{1,6}$/, { message: R.done })
  @IsOptional()
  replayed?: string;

  @Matches(/^\d{1,6}$/, { message: R.done })
  @IsOptional()
  refused?: string;
}

export class NoteField extends CsrfForm {
  @Length(0, 2000, { message: R.note })
  @IsString({ message: R.note })
  @Transform(emptyIsNone)
  @IsOptional()
  note?: string;
}

export class ReplaySelectedForm extends NoteField {
  @Matches(LETTER_ID, { each: true, message: R.ids })
  @ArrayMaxSize(500, { message: R.ids })
  @ArrayMinSize(1, { message: R.ids })
  @IsArray({ message: R.ids })
  // One box ticked is a string, several an array.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  ids!: string[];
}

export class ReplayMatchingForm extends DeadLetterFilterForm {
  @Length(0, 2000, { message: R.note })
  @IsString({ message: R.note })
  @Transform(emptyIsNone)
  @IsOptional()
  note?: string;

  @IsIn(['yes'], { message: R.confirm })
  confirm!: string;
}

export class DiscardForm extends CsrfForm {
  @Length(1, 2000, { message: R.reasonRequired })
  @IsString({ message: R.reasonRequired })
  note!: string;

  @IsIn(['yes'], { message: R.confirm })
  confirm!: string;
}

export class LetterPageQuery {
  @IsIn(['replayed', 'discarded'], { message: R.done })
  @IsOptional()
  done?: string;
}

export class LetterIdParams {
  @Matches(LETTER_ID, { message: R.ids })
  id!: string;
}

export class VisibilityForm extends CsrfForm {
  @IsIn(['operator', 'auditor'], { message: R.role })
  role!: string;

  @IsIn(['masked', 'off'], { message: R.visibility })
  visibility!: string;
}

export class RecordsPageQuery {
  @Matches(/^\d{1,19}$/, { message: R.before })
  @IsOptional()
  before?: string;

  @IsIn(['operator', 'auditor'], { message: R.role })
  @IsOptional()
  role?: string;

  @IsIn(['masked', 'off'], { message: R.visibility })
  @IsOptional()
  saved?: string;
}

/** The filters as the console API takes them: times in Beijing time to RFC 3339. */
export function apiFilter(form: DeadLetterFilterForm): Record<string, string | undefined> {
  const time = (local?: string) => (local ? `${local}:00+08:00` : undefined);
  const { topic, department, type, reason, status } = form;
  return { topic, department, type, reason, status, from: time(form.from), to: time(form.to) };
}

/** The filters as the page's URL carries them. */
export function pageFilter(form: DeadLetterFilterForm): Record<string, string | undefined> {
  const { topic, department, type, reason, from, to, status } = form;
  return { topic, department, type, reason, from, to, status };
}
