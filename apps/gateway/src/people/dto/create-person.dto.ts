import { IsDepartmentCode } from '@hub/contracts';
import { IsDisplayName, IsPassword, IsRoles, IsUsername } from './person-fields';

/** `POST /v1/admin/people`. */
export class CreatePersonDto {
  @IsUsername()
  username!: string;

  @IsDisplayName()
  displayName!: string;

  /** A code of seed/departments.json. */
  @IsDepartmentCode()
  department!: string;

  @IsRoles()
  roles!: string[];

  @IsPassword()
  password!: string;
}
