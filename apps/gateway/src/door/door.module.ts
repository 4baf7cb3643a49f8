import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { DoorController } from './door.controller';
import { DoorForwarder } from './door.forwarder';
import { PublicDoorController } from './public-door.controller';

/**
 * The door to the domain apps: signed calls and people's sessions forwarded with the edge's assertion, and the public's
 * reads (registered first, so that `/v1/<app>/public/…` never asks for a session).
 */
@Module({
  imports: [PeopleModule],
  controllers: [PublicDoorController, DoorController],
  providers: [DoorForwarder],
})
export class DoorModule {}
