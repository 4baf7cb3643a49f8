import { IsDefined, IsString } from 'class-validator';
import { IsRfc3339 } from '@hub/contracts';

export class ReplayDto {
  /** RFC 3339: every kept event of the subscription's types recorded since then is sent again. */
  @IsRfc3339()
  @IsString()
  @IsDefined()
  since!: string;
}
