import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPeople, AssertionGuard } from '@hub/assertion';
import { isDepartmentCode } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { READERS } from '../../../people';
import { InspectionItem, ItemsRepository } from '../../items.repository';
import { ITEM_CODE, ItemDto } from './item.dto';

/** The item list (随机抽查事项清单): each department keeps its own; everyone the app serves reads it. */
@Controller('v1/items')
@UseGuards(AssertionGuard)
export class ManageItemsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
  ) {}

  @Get()
  @AllowPeople({ roles: READERS })
  list(@Query('department') department?: string): Promise<InspectionItem[]> {
    return this.items.list(this.dataSource.manager, department === undefined ? undefined : [department]);
  }

  @Put(':department/:code')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: 'department' })
  async put(@Param('department') department: string, @Param('code') code: string, @Body() dto: ItemDto) {
    if (!isDepartmentCode(department)) throw new ProblemException(404, 'not-found', `no department ${department}`);
    if (!ITEM_CODE.test(code)) {
      throw new ProblemException(400, 'invalid-request', 'the item code is invalid', [
        { field: 'code', rule: 'matches', message: 'code must be 1-40 letters, digits or -' },
      ]);
    }
    const item: InspectionItem = { department, code, ...dto };
    await this.dataSource.transaction((m) => this.items.upsert(m, item));
    return item;
  }
}
