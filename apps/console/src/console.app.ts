import { EVERY_CANONICAL_TOPIC } from '@hub/contracts';
import { HubAppDefinition } from '@hub/platform';
import { ConsoleEnv } from './console.env';
import { DeadLetter } from './dead-letters/entities/dead-letter.entity';
import { DeadLetterAction } from './dead-letters/entities/dead-letter-action.entity';
import { PayloadVisibilitySetting } from './dead-letters/entities/payload-visibility.entity';
import { DeadLetterOperations1765100000000 } from './dead-letters/migrations/1765100000000-dead-letter-operations';
import { DeadLetters1764230600000 } from './dead-letters/migrations/1764230600000-dead-letters';
import { DeadLetterStatus1764600000000 } from './dead-letters/migrations/1764600000000-dead-letter-status';
import { DeadLetterRetention1764800000000 } from './dead-letters/migrations/1764800000000-dead-letter-retention';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { EventLedgerModule } from './event-ledger/event-ledger.module';
import { EventLedger1765000000000 } from './event-ledger/migrations/1765000000000-event-ledger';
import { OperationsModule } from './operations/operations.module';
import { WebModule } from './web/web.module';

/**
 * The operators' view of the integration (every dead letter of every consumer, to replay or discard), and the hub's
 * web front end for people (apps/console/src/web); and the event ledger, a tamper-evident record of every event the
 * hub accepted (apps/console/src/event-ledger).
 */
export const consoleApp: HubAppDefinition = {
  name: 'console',
  modules: [DeadLettersModule, EventLedgerModule, OperationsModule, WebModule],
  entities: [DeadLetter, DeadLetterAction, PayloadVisibilitySetting],
  migrations: [
    DeadLetters1764230600000,
    DeadLetterStatus1764600000000,
    DeadLetterRetention1764800000000,
    EventLedger1765000000000,
    DeadLetterOperations1765100000000,
  ],
  env: ConsoleEnv,
  // The event ledger reads every accepted event with a consumer group of its own (LedgerAppender).
  consumesBeyondHandlers: [EVERY_CANONICAL_TOPIC],
};
