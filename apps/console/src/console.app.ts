import { HubAppDefinition } from '@hub/platform';
import { ConsoleEnv } from './console.env';
import { DeadLetter } from './dead-letters/entities/dead-letter.entity';
import { DeadLetters1764230600000 } from './dead-letters/migrations/1764230600000-dead-letters';
import { DeadLetterStatus1764600000000 } from './dead-letters/migrations/1764600000000-dead-letter-status';
import { DeadLetterRetention1764800000000 } from './dead-letters/migrations/1764800000000-dead-letter-retention';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { WebModule } from './web/web.module';

/**
 * The operators' view of the integration (every dead letter of every consumer, to replay or discard), and the hub's
 * web front end for people (apps/console/src/web).
 */
export const consoleApp: HubAppDefinition = {
  name: 'console',
  modules: [DeadLettersModule, WebModule],
  entities: [DeadLetter],
  migrations: [DeadLetters1764230600000, DeadLetterStatus1764600000000, DeadLetterRetention1764800000000],
  env: ConsoleEnv,
};
