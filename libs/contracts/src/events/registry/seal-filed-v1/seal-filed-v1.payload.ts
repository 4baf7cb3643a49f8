import { IsString, Length } from 'class-validator';
import { SealRefBase } from '../seal.base';

/** An e-seal filed (备案) by the filing authority. */
export class SealFiledV1Payload extends SealRefBase {
  /** 备案编号. */
  @Length(1, 64)
  @IsString()
  filingNo!: string;
}
