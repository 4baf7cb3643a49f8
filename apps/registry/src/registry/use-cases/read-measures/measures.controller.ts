import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AllowPeople, AssertionGuard } from '@hub/assertion';
import { gapsCsv } from './gaps-csv';
import { GapsQuery, MeasuresQuery } from './measures.query';
import { ReadMeasures } from './read-measures.use-case';

/** The measures and the gap list: every department and every signed-in person may read them. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class MeasuresController {
  constructor(private readonly measures: ReadMeasures) {}

  @Get('coverage')
  @AllowPeople({ roles: 'any' })
  coverage(@Query() query: MeasuresQuery) {
    return this.measures.measures(query);
  }

  /** The gaps item by item, oldest first; `format=csv` downloads them (up to 10 000 a file, `offset` for more). */
  @Get('gaps')
  @AllowPeople({ roles: 'any' })
  async gaps(@Query() query: GapsQuery, @Res({ passthrough: true }) response: Response) {
    const result = await this.measures.gaps(query);
    if (query.format !== 'csv') return result;
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="registry-gaps.csv"');
    response.setHeader('x-total-count', String(result.total));
    return gapsCsv(result.gaps);
  }
}
