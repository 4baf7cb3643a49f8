import { Controller, Get } from '@nestjs/common';
import { Caller } from './caller.decorator';
import { Signed } from './signed.decorator';

/** Lets a department system check its credential and clock: a signed GET answering who the hub thinks it is. */
@Controller('v1/me')
export class MeController {
  @Get()
  @Signed()
  me(@Caller() caller: Caller): Caller {
    return caller;
  }
}
