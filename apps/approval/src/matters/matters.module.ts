import { Module } from '@nestjs/common';
import { AssertionModule } from '@hub/assertion';
import { ApprovalEnv } from '../approval.env';
import { MattersController } from './matters.controller';
import { MattersRepository } from './matters.repository';
import { MattersService } from './matters.service';
import { PublicMattersController } from './public-matters.controller';

@Module({
  imports: [AssertionModule.forApp('approval', ApprovalEnv)],
  controllers: [MattersController, PublicMattersController],
  providers: [MattersService, MattersRepository],
  exports: [MattersRepository],
})
export class MattersModule {}
