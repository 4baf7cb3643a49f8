import { Controller, Get, Param, Query } from '@nestjs/common';
import { Caller } from '../auth/caller.decorator';
import { Signed } from '../auth/signed.decorator';
import { DeadLettersQuery, EventIdParams, EventStatusQuery } from './dto/event-status.dto';
import { EventStatusService } from './event-status.service';

/** 202 is not the last word: a department asks what became of the events it published, and reads their dead letters. */
@Controller('v1')
@Signed()
export class EventStatusController {
  constructor(private readonly status: EventStatusService) {}

  /** One event the caller's department published, by its id: relayed or not, and every consumer's dead letter. */
  @Get('events/:id')
  event(@Param() params: EventIdParams, @Query() query: EventStatusQuery, @Caller() caller: Caller) {
    return this.status.status(caller.department, params.id, query.source);
  }

  /** The dead letters of the department's own events, oldest first, after `since` (default: the last 24 hours). */
  @Get('dead-letters')
  deadLetters(@Query() query: DeadLettersQuery, @Caller() caller: Caller) {
    const since = query.since ? new Date(query.since) : new Date(Date.now() - 24 * 3_600_000);
    return this.status.deadLetters(caller.department, since, query.limit);
  }
}
