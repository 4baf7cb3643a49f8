import { Matches } from 'class-validator';

export class CredentialParams {
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'accessKeyId must be an access key id' })
  accessKeyId!: string;
}
