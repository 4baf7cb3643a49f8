import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { IssuerKeyDto } from './issuer-key.dto';
import { RegisterIssuerKeys } from './register-issuer-keys.use-case';

@Controller('v1')
@UseGuards(AssertionGuard)
export class IssuerKeysController {
  constructor(private readonly keys: RegisterIssuerKeys) {}

  @Get('issuer-keys')
  @AllowPeople({ roles: 'any' })
  async list() {
    const keys = await this.keys.list();
    return { issuerKeys: keys.map(({ publicKeyHex: _hex, ...k }) => k) };
  }

  /** An issuing department registers (or replaces) the SM2 public key of one of its issuers. */
  @Put('issuer-keys/:issuer')
  @AllowPeople({ roles: ['admin'] })
  async register(@Param('issuer') issuer: string, @Body() dto: IssuerKeyDto, @Caller() caller: AssertedCaller) {
    const { publicKeyHex: _hex, ...key } = await this.keys.register(
      issuer,
      dto.publicKeyPem,
      caller.department,
      `${caller.department}/${caller.name ?? caller.system ?? caller.subject}`,
    );
    return key;
  }
}
