import { Controller, Get, Query } from '@nestjs/common';
import { ListPersonActionsQuery } from './dto/list-person-actions.query';
import { PersonActionRow, PersonActionsRepository } from './person-actions.repository';
import { ForRolesOrAdminSystem } from './roles.guard';

/** An action as the auditors read it. */
export type PersonActionView = Omit<PersonActionRow, 'at' | 'detail'> & { at: string; detail: string | null };

/** What people did at the hub, for the auditors of 信息化中心 (and its admins): newest first. */
@Controller('v1/audit/people-actions')
@ForRolesOrAdminSystem('auditor', 'admin')
export class PeopleAuditController {
  constructor(private readonly actions: PersonActionsRepository) {}

  @Get()
  async list(@Query() query: ListPersonActionsQuery): Promise<PersonActionView[]> {
    return (await this.actions.list(query)).map(view);
  }
}

function view(row: PersonActionRow): PersonActionView {
  return { ...row, at: row.at.toISOString(), detail: row.detail ?? null };
}
