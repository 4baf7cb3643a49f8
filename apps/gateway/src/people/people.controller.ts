import { Body, Controller, Delete, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { clientAddress } from './client-address';
import { LoginDto } from './dto/login.dto';
import { LoginBodyGuard } from './login-body.guard';
import { PeopleService, SessionPerson, SessionView } from './people.service';
import { Person } from './person.decorator';
import { ForPeople } from './session.guard';

/**
 * People sign in here (the console, on their behalf): a session token for Hub-Session and its CSRF token for
 * Hub-CSRF. Failures count toward the account's lockout; every login and logout is in the audit.
 */
@Controller('v1/people/sessions')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @UseGuards(LoginBodyGuard)
  login(@Body() dto: LoginDto, @Req() request: Request): Promise<SessionView> {
    return this.people.login(dto, clientAddress(request));
  }

  @Get('current')
  @ForPeople()
  current(@Person() person: SessionPerson): Omit<SessionView, 'session'> {
    return this.people.current(person);
  }

  @Delete('current')
  @ForPeople()
  @HttpCode(204)
  logout(@Person() person: SessionPerson, @Req() request: Request): Promise<void> {
    return this.people.logout(person, clientAddress(request));
  }
}
