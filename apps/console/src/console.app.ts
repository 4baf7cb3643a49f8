import { HubAppDefinition } from '@hub/platform';
import { DeadLetter } from './dead-letters/entities/dead-letter.entity';
import { DeadLetters1764230600000 } from './dead-letters/migrations/1764230600000-dead-letters';
import { DeadLettersModule } from './dead-letters/dead-letters.module';

/** The operators' view of the integration: for now, every dead letter of every consumer. */
export const consoleApp: HubAppDefinition = {
  name: 'console',
  modules: [DeadLettersModule],
  entities: [DeadLetter],
  migrations: [DeadLetters1764230600000],
};
