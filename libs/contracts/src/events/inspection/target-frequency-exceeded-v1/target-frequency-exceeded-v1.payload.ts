import { ArrayMinSize, IsArray, IsInt, IsString, Matches, Min } from 'class-validator';
import { INSPECTION_ID, TargetEventBase } from '../inspection.base';

/** One enterprise was drawn for more inspections this year than the configured threshold (规范涉企行政检查). */
export class TargetFrequencyExceededV1Payload extends TargetEventBase {
  @Min(2000)
  @IsInt()
  year!: number;

  /** Inspections (visits: a joint inspection counts once) this year, the new one included. */
  @Min(1)
  @IsInt()
  inspections!: number;

  @Min(0)
  @IsInt()
  threshold!: number;

  /** The plans of those inspections, in the order they were drawn. */
  @Matches(INSPECTION_ID, { each: true })
  @IsString({ each: true })
  @ArrayMinSize(1)
  @IsArray()
  planIds!: string[];
}
