import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PeopleAdminController } from './people-admin.controller';
import { PeopleAuditController } from './people-audit.controller';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { PersonActionsRepository } from './person-actions.repository';
import { RolesGuard } from './roles.guard';
import { SessionGuard, SessionOrSignedGuard } from './session.guard';

/**
 * People: accounts with a department and roles, sessions, the lockout, the admin API and the audit of what people
 * do. A module whose controllers take a person's session (the door) imports this one for the guards.
 */
@Module({
  imports: [AuthModule],
  controllers: [PeopleController, PeopleAdminController, PeopleAuditController],
  providers: [PeopleRepository, PersonActionsRepository, PeopleService, SessionGuard, SessionOrSignedGuard, RolesGuard],
  exports: [AuthModule, PersonActionsRepository, PeopleService, SessionGuard, SessionOrSignedGuard],
})
export class PeopleModule {}
