import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { IsDepartmentCode } from '../../../departments/departments';
import { IsRfc3339 } from '../../../validation/format.decorators';
import { EventLimits } from '../../../validation/limits';

/** The longest reason a notice carries; a longer one is cut, ending in `…`. */
export const DEAD_LETTER_NOTICE_REASON_LENGTH = 1_000;

/**
 * A consumer gave up on an event a department published, as the console stored the dead letter: the publisher's
 * notice that its accepted event (202) was not applied everywhere, and why. It names no personal data: the reason is
 * the one the consumer wrote, which is redacted of the personal values the event's contract marks.
 */
export class DeadLetterRecordedV1Payload {
  /** The console's id of the stored letter (what an operator replays or discards). */
  @Matches(/^[1-9][0-9]{0,18}$/)
  @IsString()
  deadLetterId!: string;

  /** The department that published the event: the only one told of it. */
  @IsDepartmentCode()
  @IsString()
  department!: string;

  /** The dead event's CloudEvents `id` and `source` (GET /v1/events/:id), absent when the message was not readable as one. */
  @Length(1, EventLimits.identifierLength)
  @IsString()
  @IsOptional()
  eventId?: string;

  @Length(1, EventLimits.source)
  @IsString()
  @IsOptional()
  eventSource?: string;

  @Length(1, EventLimits.type)
  @IsString()
  @IsOptional()
  eventType?: string;

  /** The consumer group that gave up (`<app>`, or `<schema>.outbox` for a record too large for the broker). */
  @Length(1, 500)
  @IsString()
  consumer!: string;

  /** Why, as the consumer wrote it (`hub-dlq-reason`), cut to DEAD_LETTER_NOTICE_REASON_LENGTH. */
  @Length(1, DEAD_LETTER_NOTICE_REASON_LENGTH)
  @IsString()
  reason!: string;

  @Min(0)
  @IsInt()
  attempts!: number;

  /** Where the original was: its topic, partition and offset (-1 and "-1" when not known). */
  @Length(1, 249)
  @IsString()
  originalTopic!: string;

  @Min(-1)
  @IsInt()
  originalPartition!: number;

  @Matches(/^-?[0-9]{1,19}$/)
  @IsString()
  originalOffset!: string;

  /** When the consumer dead-lettered it (the dead letter's Kafka timestamp). */
  @IsRfc3339()
  @IsString()
  deadLetteredAt!: string;
}
