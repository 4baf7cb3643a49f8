import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateCredentialDto {
  /** How long the system's current credentials stay valid beside the new one: 0 to 30 days, default one day. */
  @Max(30 * 86_400)
  @Min(0)
  @IsInt()
  @IsOptional()
  overlapSeconds?: number;
}
