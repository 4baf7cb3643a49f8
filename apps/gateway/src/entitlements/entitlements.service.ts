import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { eventTypeRegistry } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Entitlement } from './entities/entitlement.entity';
import { EntitlementsRepository, RECEIVABLE_TYPES_MAX_AGE_MS } from './entitlements.repository';

export interface EntitlementView {
  department: string;
  eventType: string;
  grantedAt: string;
}

/** Withdraws, in the revocation's transaction, what another feature holds because of an entitlement. */
export type RevocationListener = (manager: EntityManager, department: string, eventType: string) => Promise<void>;

/** Which department may receive which event types: granted and revoked by the hub's administrators. */
@Injectable()
export class EntitlementsService {
  private readonly revocationListeners: RevocationListener[] = [];

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Delivery registers here, so that a revoked type's undelivered events are never sent. */
  onRevoke(listener: RevocationListener): void {
    this.revocationListeners.push(listener);
  }

  async list(filter: { department?: string; eventType?: string } = {}): Promise<EntitlementView[]> {
    return (await EntitlementsRepository.list(this.manager, filter)).map(toView);
  }

  async grant(department: string, eventType: string): Promise<{ entitlement: EntitlementView; created: boolean }> {
    if (!eventTypeRegistry.get(eventType)) {
      throw new ProblemException(400, 'invalid-request', `${eventType} is not a registered event type`, [
        {
          field: 'eventType',
          rule: 'registered',
          message: `${eventType} is not a registered event type; GET /v1/event-types lists them`,
        },
      ]);
    }
    if (eventTypeRegistry.get(eventType)?.recipient !== undefined) {
      // Each department receives its own events of such a type already, and may never receive another's.
      throw new ProblemException(400, 'invalid-request', `${eventType} is not granted: each department gets its own`, [
        {
          field: 'eventType',
          rule: 'notAddressed',
          message: `every department receives the events of ${eventType} that name it, and no other's; it takes no entitlement`,
        },
      ]);
    }
    const { entitlement, created } = await EntitlementsRepository.grant(this.manager, department, eventType);
    // Delivery may be passing the type over by a reading from before the grant: answer once no such reading is left.
    if (created) await sleep(RECEIVABLE_TYPES_MAX_AGE_MS);
    return { entitlement: toView(entitlement), created };
  }

  /**
   * Subscriptions keep the type but receive no more of it: each new event is checked against the entitlements, and
   * what was recorded for the department and not yet delivered is withdrawn in the same transaction.
   */
  async revoke(department: string, eventType: string): Promise<void> {
    await this.manager.transaction(async (manager) => {
      if (!(await EntitlementsRepository.revoke(manager, department, eventType))) {
        throw new ProblemException(404, 'unknown-entitlement', `${department} is not entitled to ${eventType}`);
      }
      for (const listener of this.revocationListeners) await listener(manager, department, eventType);
    });
  }

  /** Per event type the department is entitled to, when it was granted (a regrant after a revocation: the new one). */
  async grantsOf(department: string, manager: EntityManager = this.manager): Promise<Map<string, Date>> {
    const entitlements = await EntitlementsRepository.list(manager, { department });
    return new Map(entitlements.map((e) => [e.eventType, e.grantedAt]));
  }

  /** The event types the department is entitled to, sorted. */
  async typesOf(department: string, manager: EntityManager = this.manager): Promise<string[]> {
    return (await EntitlementsRepository.list(manager, { department })).map((e) => e.eventType);
  }
}

function toView(entitlement: Entitlement): EntitlementView {
  return {
    department: entitlement.department,
    eventType: entitlement.eventType,
    grantedAt: entitlement.grantedAt.toISOString(),
  };
}
