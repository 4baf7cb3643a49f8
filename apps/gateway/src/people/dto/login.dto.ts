import { IsString, Length, MaxLength } from 'class-validator';

/** `POST /v1/people/sessions`. The username is matched lower-cased. */
export class LoginDto {
  @Length(1, 64)
  @IsString()
  username!: string;

  /** Bounded: argon2 hashes whatever it is given, and a megabyte of password would only cost the hub. */
  @MaxLength(1_024)
  @IsString()
  password!: string;
}
