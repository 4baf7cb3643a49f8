import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AdminOnly } from '../auth/signed.decorator';
import {
  CredentialView,
  CredentialsService,
  DepartmentView,
  IssuedCredential,
  SystemView,
} from './credentials.service';
import { CredentialParams } from './dto/credential.params';
import { ListSystemsQuery } from './dto/list-systems.query';
import { RegisterSystemDto } from './dto/register-system.dto';
import { RotateCredentialDto } from './dto/rotate-credential.dto';
import { SystemParams } from './dto/system.params';

/** The admin API for departments' systems and credentials; signed requests from an admin system only. */
@Controller('v1/admin')
@AdminOnly()
export class CredentialsAdminController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get('departments')
  departments(): Promise<DepartmentView[]> {
    return this.credentials.departments();
  }

  @Get('systems')
  systems(@Query() query: ListSystemsQuery): Promise<SystemView[]> {
    return this.credentials.listSystems(query.department);
  }

  /** 201 with the system and its first credential; the secret is shown this once. */
  @Post('systems')
  register(@Body() body: RegisterSystemDto): Promise<{ system: SystemView; credential: IssuedCredential }> {
    return this.credentials.registerSystem(body);
  }

  @Get('systems/:systemId')
  system(@Param() params: SystemParams): Promise<SystemView> {
    return this.credentials.getSystem(params.systemId);
  }

  /** Rotation: a new credential (secret shown once); the current ones expire after the overlap. */
  @Post('systems/:systemId/credentials')
  rotate(
    @Param() params: SystemParams,
    @Body() body: RotateCredentialDto,
  ): Promise<{ credential: IssuedCredential; previous: CredentialView[] }> {
    return this.credentials.rotate(params.systemId, body.overlapSeconds);
  }

  @Post('credentials/:accessKeyId/revoke')
  @HttpCode(200)
  revoke(@Param() params: CredentialParams): Promise<CredentialView> {
    return this.credentials.revoke(params.accessKeyId);
  }
}
