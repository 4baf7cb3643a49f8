import { Controller, Get, Query } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { DeadLettersRepository } from './dead-letters.repository';
import { ListDeadLettersQuery } from './dto/list-dead-letters.query';
import { DeadLetter } from './entities/dead-letter.entity';

@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Newest first; page with `before` = the last id seen. */
  @Get()
  list(@Query() query: ListDeadLettersQuery): Promise<DeadLetter[]> {
    return DeadLettersRepository.list(this.manager, {
      originalTopic: query.topic,
      consumer: query.consumer,
      limit: query.limit,
      before: query.before,
    });
  }
}
