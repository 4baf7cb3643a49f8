import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { AllowDepartments, AllowPeople, AssertionGuard } from '@hub/assertion';
import { LedgerExport, LedgerVerification } from '@hub/ledger';
import { OPERATORS } from '../dead-letters/dead-letters.controller';
import { LedgerEntryParams, LedgerRangeQuery } from './dto/ledger-range.query';
import { EventLedgerService, LedgerStatus } from './event-ledger.service';

/** The event ledger, for 信息化中心's operators and auditors: read-only, like the ledger itself. */
@Controller('v1/ledger')
@UseGuards(AssertionGuard)
@AllowDepartments(OPERATORS)
export class EventLedgerController {
  constructor(private readonly ledger: EventLedgerService) {}

  @Get()
  @AllowPeople({ roles: ['operator', 'auditor', 'admin'] })
  status(): Promise<LedgerStatus> {
    return this.ledger.status();
  }

  @Get('verification')
  @AllowPeople({ roles: ['operator', 'auditor', 'admin'] })
  verify(@Query() query: LedgerRangeQuery): Promise<LedgerVerification> {
    return this.ledger.verify(query.from, query.to);
  }

  @Get('export')
  @AllowPeople({ roles: ['operator', 'auditor'] })
  export(@Query() query: LedgerRangeQuery): Promise<LedgerExport> {
    return this.ledger.export(query.from, query.to);
  }

  @Get('entries/:seq/proof')
  @AllowPeople({ roles: ['operator', 'auditor'] })
  proof(@Param() params: LedgerEntryParams): Promise<unknown> {
    return this.ledger.proof(params.seq);
  }
}
