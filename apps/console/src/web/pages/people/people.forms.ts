import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';
import { PERSON_ROLES } from '@hub/assertion';
import { CsrfForm, FilterText, PageNumber } from '../../forms';
import { PEOPLE } from './people.strings';

/** Checkboxes send one value as a string and several as a list: always a list here. */
const asList = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];

export class PeoplePageQuery {
  @FilterText(PEOPLE.rules.q)
  q?: string;

  @PageNumber(PEOPLE.rules.page)
  page?: number;

  @IsIn(Object.keys(PEOPLE.done))
  @IsOptional()
  done?: string;

  @Matches(/^[a-z][a-z0-9._-]{2,63}$/)
  @IsOptional()
  who?: string;
}

export class AccountParams {
  @IsUUID('all', { message: PEOPLE.rules.id })
  id!: string;
}

class RolesForm extends CsrfForm {
  @IsIn(PERSON_ROLES, { each: true, message: PEOPLE.rules.roles })
  @ArrayMinSize(1, { message: PEOPLE.rules.roles })
  @IsArray({ message: PEOPLE.rules.roles })
  @Transform(asList)
  roles!: string[];

  @Length(1, 100, { message: PEOPLE.rules.displayName })
  @IsString({ message: PEOPLE.rules.displayName })
  displayName!: string;
}

export class CreateAccountForm extends RolesForm {
  @Matches(/^[a-z][a-z0-9._-]{2,63}$/, { message: PEOPLE.rules.username })
  @IsString({ message: PEOPLE.rules.username })
  username!: string;

  @IsDepartmentCode({ message: PEOPLE.rules.department })
  department!: string;

  @MaxLength(1_024, { message: PEOPLE.rules.password })
  @MinLength(12, { message: PEOPLE.rules.password })
  @IsString({ message: PEOPLE.rules.password })
  password!: string;
}

export class UpdateAccountForm extends RolesForm {}

export class DisableAccountForm extends CsrfForm {
  /** A destructive action is confirmed: the box must be ticked. */
  @Equals('yes', { message: PEOPLE.rules.confirm })
  confirm!: string;
}

export class PasswordForm extends CsrfForm {
  @MaxLength(1_024, { message: PEOPLE.rules.password })
  @MinLength(12, { message: PEOPLE.rules.password })
  @IsString({ message: PEOPLE.rules.password })
  password!: string;
}
