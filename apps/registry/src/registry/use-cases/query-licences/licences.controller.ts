import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { AccessRecordsQuery, LicenceQueryDto } from './licence-query.dto';
import { QueryLicences } from './query-licences.use-case';

/**
 * Queries of e-licences for the departments entitled to them (by identifier, by holder), each with its purpose and
 * recorded; the access records for auditors and the issuing departments.
 */
@Controller('v1')
@UseGuards(AssertionGuard)
export class LicencesController {
  constructor(private readonly licences: QueryLicences) {}

  @Get('licences/:licenceId')
  @AllowPeople({ roles: 'any' })
  byIdentifier(
    @Param('licenceId') licenceId: string,
    @Query() query: LicenceQueryDto,
    @Caller() caller: AssertedCaller,
  ) {
    return this.licences.byIdentifier(caller, licenceId, query.purpose);
  }

  /** An enterprise's licences, seals, their history and its gaps. */
  @Get('holders/:uscc')
  @AllowPeople({ roles: 'any' })
  byHolder(@Param('uscc') uscc: string, @Query() query: LicenceQueryDto, @Caller() caller: AssertedCaller) {
    return this.licences.byHolder(caller, uscc, query.purpose);
  }

  @Get('access-records')
  @AllowPeople({ roles: 'any' })
  accessRecords(@Query() query: AccessRecordsQuery, @Caller() caller: AssertedCaller) {
    return this.licences.accessRecords(caller, query);
  }
}
