import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { DoorController } from './door.controller';
import { DoorForwarder } from './door.forwarder';

/** The door to the domain apps: signed calls and people's sessions forwarded with the edge's assertion. */
@Module({
  imports: [PeopleModule],
  controllers: [DoorController],
  providers: [DoorForwarder],
})
export class DoorModule {}
