import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReplayDeadLetterDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DiscardDeadLetterDto {
  /** Why the message is given up on: required, it is all that is left of it for whoever asks later. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
