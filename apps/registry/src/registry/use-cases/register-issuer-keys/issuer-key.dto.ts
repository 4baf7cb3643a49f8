import { IsString, Length } from 'class-validator';

/** An issuer's SM2 public key (PUT /v1/issuer-keys/:issuer). */
export class IssuerKeyDto {
  /** PEM SubjectPublicKeyInfo of an SM2 key. */
  @Length(100, 2_000)
  @IsString()
  publicKeyPem!: string;
}
