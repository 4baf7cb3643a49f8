import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DeadLetterFilterQuery } from './list-dead-letters.query';

/** A replay of several letters: the ones chosen (`ids`), or every open one a filter matches (`filter`), not both. */
export class ReplayDeadLettersDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^\d{1,18}$/, { each: true, message: 'each of ids must be a dead letter id' })
  ids?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => DeadLetterFilterQuery)
  filter?: DeadLetterFilterQuery;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
