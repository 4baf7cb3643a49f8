import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DoorController } from './door.controller';
import { DoorForwarder } from './door.forwarder';

/** The door to the domain apps: signed calls forwarded with the edge's assertion. */
@Module({
  imports: [AuthModule],
  controllers: [DoorController],
  providers: [DoorForwarder],
})
export class DoorModule {}
