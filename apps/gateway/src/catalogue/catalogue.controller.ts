import { Controller, Get, Param, Query } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { CatalogueService, EventTypeView } from './catalogue.service';
import { EventTypeParams } from './dto/event-type.params';
import { ListEventTypesQuery } from './dto/list-event-types.query';

/** The event catalogue: public, read-only, straight from the contracts library. */
@Controller('v1/event-types')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  list(@Query() query: ListEventTypesQuery): EventTypeView[] {
    return this.catalogue.list({ owner: query.owner, topic: query.topic });
  }

  @Get(':type')
  get(@Param() params: EventTypeParams): EventTypeView {
    const view = this.catalogue.get(params.type);
    if (!view) {
      throw new ProblemException(404, 'unknown-event-type', `${params.type} is not a registered event type`, [
        {
          field: 'type',
          rule: 'registered',
          message: `${params.type} is not a registered event type; GET /v1/event-types lists them`,
        },
      ]);
    }
    return view;
  }
}
