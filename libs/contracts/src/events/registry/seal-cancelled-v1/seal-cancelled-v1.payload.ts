import { IsString, Length } from 'class-validator';
import { SealRefBase } from '../seal.base';

/** An e-seal cancelled (注销). */
export class SealCancelledV1Payload extends SealRefBase {
  @Length(1, 500)
  @IsString()
  reason!: string;
}
