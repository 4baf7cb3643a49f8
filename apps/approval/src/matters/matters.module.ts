import { Module } from '@nestjs/common';
import { DepartmentAuthModule } from '@hub/department-auth';
import { ApprovalEnv } from '../approval.env';
import { MattersController } from './matters.controller';
import { MattersService } from './matters.service';

@Module({
  imports: [DepartmentAuthModule.forEnv(ApprovalEnv)],
  controllers: [MattersController],
  providers: [MattersService],
})
export class MattersModule {}
