import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PERSON_ROLES } from '@hub/assertion';

/** The fields an account's DTOs share, checked alike wherever they come. */
export const MIN_PASSWORD_LENGTH = 12;

export const IsUsername = (): PropertyDecorator =>
  applyDecorators(
    Matches(/^[a-z][a-z0-9._-]{2,63}$/, {
      message: 'username must be 3-64 characters: a lower-case letter, then lower-case letters, digits, ., _ or -',
    }),
    IsString(),
  );

export const IsDisplayName = (): PropertyDecorator => applyDecorators(Length(1, 100), IsString());

/** The department's fit is checked by the service (rolesProblems), where the department is known. */
export const IsRoles = (): PropertyDecorator =>
  applyDecorators(
    IsIn(PERSON_ROLES, { each: true, message: `each role must be one of ${PERSON_ROLES.join(', ')}` }),
    ArrayMaxSize(PERSON_ROLES.length),
    ArrayMinSize(1),
    IsArray(),
  );

export const IsPassword = (): PropertyDecorator =>
  applyDecorators(
    MaxLength(1_024),
    MinLength(MIN_PASSWORD_LENGTH, { message: `password must be ${MIN_PASSWORD_LENGTH} characters at least` }),
    IsString(),
  );
