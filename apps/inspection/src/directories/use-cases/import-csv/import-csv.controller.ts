import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { IsIn, IsString } from 'class-validator';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { READERS } from '../../../people';
import { IMPORT_KINDS, type ImportKind } from './csv-rows';
import { ImportCsv } from './import-csv.use-case';

export class CreateImportDto {
  @IsIn(IMPORT_KINDS)
  @IsString()
  kind!: ImportKind;
}

/**
 * CSV imports: `POST /v1/imports` makes a job, `PUT /v1/imports/{id}/file` streams the file in (text/csv, UTF-8 or
 * GB18030, the charset declared or detected) and answers the finished job; `GET /v1/imports/{id}` follows it.
 */
@Controller('v1/imports')
@UseGuards(AssertionGuard)
export class ImportCsvController {
  constructor(private readonly importCsv: ImportCsv) {}

  @Post()
  @AllowPeople({ roles: ['supervisor', 'admin'] })
  create(@Body() dto: CreateImportDto, @Caller() caller: AssertedCaller) {
    return this.importCsv.create(caller, dto.kind);
  }

  @Put(':id/file')
  @HttpCode(200)
  @AllowPeople({ roles: ['supervisor', 'admin'] })
  upload(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Caller() caller: AssertedCaller) {
    return this.importCsv.upload(caller, id, request.headers['content-type'], request);
  }

  @Get(':id')
  @AllowPeople({ roles: READERS })
  find(@Param('id', ParseUUIDPipe) id: string, @Caller() caller: AssertedCaller) {
    return this.importCsv.find(caller, id);
  }
}
