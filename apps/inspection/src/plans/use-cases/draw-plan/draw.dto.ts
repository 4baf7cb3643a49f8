import { IsString, Length } from 'class-validator';

/** The witness's entropy, entered at the draw: a value the hub could not know when it locked the plan. */
export class DrawDto {
  /** e.g. the digits of a public lottery drawn after the lock (体彩排列5 第 26321 期: 4 0 7 1 9). */
  @Length(1, 200)
  @IsString()
  entropy!: string;

  /** Who or what supplied it, as the record will show it (a public source, or the witness's role). */
  @Length(1, 200)
  @IsString()
  witness!: string;
}
