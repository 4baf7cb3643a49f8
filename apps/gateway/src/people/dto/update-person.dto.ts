import { IsBoolean, IsOptional } from 'class-validator';
import { IsDisplayName, IsRoles } from './person-fields';

/** `PATCH /v1/admin/people/:id`: what is given changes, the rest stays. */
export class UpdatePersonDto {
  @IsRoles()
  @IsOptional()
  roles?: string[];

  /** True ends the account's sessions at once; false lets it sign in again. */
  @IsBoolean()
  @IsOptional()
  disabled?: boolean;

  @IsDisplayName()
  @IsOptional()
  displayName?: string;
}
