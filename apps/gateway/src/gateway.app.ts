import { HubAppDefinition } from '@hub/platform';
import { AuthModule } from './auth/auth.module';
import { RequestNonce } from './auth/entities/request-nonce.entity';
import { RequestNonces1764300100000 } from './auth/migrations/1764300100000-request-nonces';
import { CatalogueModule } from './catalogue/catalogue.module';
import { GATEWAY_OPENAPI } from './catalogue/gateway-openapi';
import { CredentialsAdminModule } from './credentials/credentials-admin.module';
import { Credential } from './credentials/entities/credential.entity';
import { DepartmentSystem } from './credentials/entities/department-system.entity';
import { Credentials1764300000000 } from './credentials/migrations/1764300000000-credentials';
import { DeliveryModule } from './delivery/delivery.module';
import { DoorModule } from './door/door.module';
import { PersonAccount } from './people/entities/person-account.entity';
import { PersonAction } from './people/entities/person-action.entity';
import { PersonSession } from './people/entities/person-session.entity';
import { People1765400000000 } from './people/migrations/1765400000000-people';
import { PeopleModule } from './people/people.module';
import { Delivery } from './delivery/entities/delivery.entity';
import { DeliveryEvent } from './delivery/entities/delivery-event.entity';
import { Subscription } from './delivery/entities/subscription.entity';
import { Delivery1764400100000 } from './delivery/migrations/1764400100000-delivery';
import { DeliveryEventAcceptedAt1765300100000 } from './delivery/migrations/1765300100000-delivery-event-accepted-at';
import { Entitlement } from './entitlements/entities/entitlement.entity';
import { EventDeadLetter } from './event-status/entities/event-dead-letter.entity';
import { RelayedBatch } from './event-status/entities/relayed-batch.entity';
import { EventStatusModule } from './event-status/event-status.module';
import { RelayedBatches1765000200000 } from './event-status/migrations/1765000200000-relayed-batches';
import { recordRelayedBatches } from './event-status/relayed-position';
import { EventDeadLetters1765000100000 } from './event-status/migrations/1765000100000-event-dead-letters';
import { EntitlementsModule } from './entitlements/entitlements.module';
import { Entitlements1764400000000 } from './entitlements/migrations/1764400000000-entitlements';
import { GatewayEnv } from './gateway.env';
import { IngressModule } from './ingress/ingress.module';
import { IntakeReceipt } from './intake/entities/intake-receipt.entity';
import { RateBucket } from './intake/entities/rate-bucket.entity';
import { IntakeModule } from './intake/intake.module';
import { IntakeReceipts1764300200000 } from './intake/migrations/1764300200000-intake-receipts';
import { IntakeReceiptAcceptedAt1764500100000 } from './intake/migrations/1764500100000-intake-receipt-accepted-at';
import { RateBuckets1764700000000 } from './intake/migrations/1764700000000-rate-buckets';

/** The one door to the hub, for department systems and for people. */
export const gatewayApp: HubAppDefinition = {
  name: 'gateway',
  modules: [
    AuthModule,
    CredentialsAdminModule,
    IntakeModule,
    IngressModule,
    CatalogueModule,
    EntitlementsModule,
    DeliveryModule,
    EventStatusModule,
    PeopleModule,
    DoorModule,
  ],
  entities: [
    DepartmentSystem,
    Credential,
    RequestNonce,
    IntakeReceipt,
    RateBucket,
    Entitlement,
    Subscription,
    DeliveryEvent,
    Delivery,
    EventDeadLetter,
    RelayedBatch,
    PersonAccount,
    PersonSession,
    PersonAction,
  ],
  migrations: [
    Credentials1764300000000,
    RequestNonces1764300100000,
    IntakeReceipts1764300200000,
    Entitlements1764400000000,
    Delivery1764400100000,
    IntakeReceiptAcceptedAt1764500100000,
    RateBuckets1764700000000,
    EventDeadLetters1765000100000,
    RelayedBatches1765000200000,
    DeliveryEventAcceptedAt1765300100000,
    People1765400000000,
  ],
  env: GatewayEnv,
  // Where each accepted event landed (one row per relayed batch), for GET /v1/events/:id.
  onRelayed: recordRelayedBatches('gateway'),
  openApi: GATEWAY_OPENAPI,
  // SignedRequestGuard reads every body, under its route's limit, once the signature's headers check out.
  bodyParser: false,
};
