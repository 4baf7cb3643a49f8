import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { clientAddress } from './client-address';
import { CreatePersonDto } from './dto/create-person.dto';
import { PersonParams } from './dto/person.params';
import { SetPasswordDto } from './dto/set-password.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { AccountView, Actor, PeopleService } from './people.service';
import { CallerPrincipal, Principal } from './person.decorator';
import { ForRolesOrAdminSystem } from './roles.guard';

/** The admin API for people's accounts: an admin person, or an admin system; each change in the audit. */
@Controller('v1/admin/people')
@ForRolesOrAdminSystem('admin')
export class PeopleAdminController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  list(): Promise<AccountView[]> {
    return this.people.list();
  }

  @Post()
  create(
    @Body() dto: CreatePersonDto,
    @CallerPrincipal() by: Principal,
    @Req() request: Request,
  ): Promise<AccountView> {
    return this.people.create(dto, actorOf(by, request));
  }

  /** Re-role, rename, disable (its sessions end at once) or enable an account. */
  @Patch(':id')
  update(
    @Param() params: PersonParams,
    @Body() dto: UpdatePersonDto,
    @CallerPrincipal() by: Principal,
    @Req() request: Request,
  ): Promise<AccountView> {
    return this.people.update(params.id, dto, actorOf(by, request));
  }

  @Post(':id/password')
  @HttpCode(204)
  setPassword(
    @Param() params: PersonParams,
    @Body() dto: SetPasswordDto,
    @CallerPrincipal() by: Principal,
    @Req() request: Request,
  ): Promise<void> {
    return this.people.setPassword(params.id, dto.password, actorOf(by, request));
  }
}

function actorOf(principal: Principal, request: Request): Actor {
  const address = clientAddress(request);
  return principal.kind === 'person'
    ? { accountId: principal.person.id, username: principal.person.username, address }
    : { accountId: null, username: `${principal.caller.department}/${principal.caller.systemName}`, address };
}
