import { IsPassword } from './person-fields';

/** `POST /v1/admin/people/:id/password`: the account's sessions end, its lockout is lifted. */
export class SetPasswordDto {
  @IsPassword()
  password!: string;
}
