import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { LINKAGE_ID } from '@hub/contracts';

/**
 * Every form's body declares the CSRF field (the validation pipe refuses fields a form does not declare); the guard
 * has checked its value against the session before the pipe runs.
 */
export class CsrfForm {
  @IsString()
  @IsOptional()
  csrf?: string;
}

/** A page number of a paginated table (`?unclaimedPage=2`), optional. */
export const PageNumber = (message: string) =>
  applyDecorators(
    Min(1, { message }),
    IsInt({ message }),
    Type(() => Number),
    IsOptional(),
  );

/** A list's filter text (`?q=`), optional. */
export const FilterText = (message: string) => applyDecorators(Length(0, 100, { message }), IsString(), IsOptional());

/** An approval's id as the linkage apps take it. */
export const ApprovalId = (message: string) => applyDecorators(Matches(LINKAGE_ID, { message }), IsString({ message }));
