import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { IsRfc3339 } from '../../../validation/format.decorators';
import { INSPECTION_ID, PlanEventBase } from '../inspection.base';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A plan was drawn: the witness's entropy, the revealed secret and the seed; the record is public at its id. */
export class PlanDrawnV1Payload extends PlanEventBase {
  @Matches(INSPECTION_ID)
  @IsString()
  drawId!: string;

  @Min(1)
  @IsInt()
  lock!: number;

  @Length(1, 200)
  @IsString()
  entropy!: string;

  @Matches(SHA256_HEX, { message: 'secretHex must be 64 lowercase hex digits' })
  @IsString()
  secretHex!: string;

  @Matches(SHA256_HEX, { message: 'seedHex must be 64 lowercase hex digits' })
  @IsString()
  seedHex!: string;

  @Matches(SHA256_HEX, { message: 'commitment must be 64 lowercase hex digits' })
  @IsString()
  commitment!: string;

  @Min(0)
  @IsInt()
  targets!: number;

  /** Teams that could not be staffed (too few eligible inspectors): resolved by a void-and-redraw. */
  @Min(0)
  @IsInt()
  unstaffed!: number;

  /** The draw this one replaces, voided before it. */
  @Matches(INSPECTION_ID)
  @IsString()
  @IsOptional()
  replaces?: string;

  @IsRfc3339()
  @IsString()
  drawnAt!: string;
}
