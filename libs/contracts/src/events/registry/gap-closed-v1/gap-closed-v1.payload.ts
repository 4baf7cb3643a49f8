import { IsString, Length } from 'class-validator';
import { IsRfc3339 } from '../../../validation/format.decorators';
import { GapBase } from '../gap.base';

/** A gap closed: when and by what. */
export class GapClosedV1Payload extends GapBase {
  @IsRfc3339()
  @IsString()
  closedAt!: string;

  @Length(1, 300)
  @IsString()
  resolution!: string;
}
