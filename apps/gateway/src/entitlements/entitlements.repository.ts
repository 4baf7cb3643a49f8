import { EntityManager } from 'typeorm';
import { Entitlement } from './entities/entitlement.entity';

/**
 * How stale delivery's reading of the receivable types may be. A new grant answers only after this long, so that
 * every event published after the answer is matched against it.
 */
export const RECEIVABLE_TYPES_MAX_AGE_MS = 200;

/** Entitlements in the gateway's schema; every call runs on the manager it is given (a transaction or not). */
export class EntitlementsRepository {
  static list(
    manager: EntityManager,
    filter: { department?: string; eventType?: string } = {},
  ): Promise<Entitlement[]> {
    const qb = manager
      .getRepository(Entitlement)
      .createQueryBuilder('e')
      .orderBy('e.department')
      .addOrderBy('e.eventType');
    if (filter.department) qb.andWhere('e.department = :department', { department: filter.department });
    if (filter.eventType) qb.andWhere('e.eventType = :eventType', { eventType: filter.eventType });
    return qb.getMany();
  }

  /** The event types some department is entitled to receive: the only ones delivery acts on. */
  static async receivableTypes(manager: EntityManager): Promise<ReadonlySet<string>> {
    const rows = await manager
      .getRepository(Entitlement)
      .createQueryBuilder('e')
      .select('DISTINCT e.eventType', 'eventType')
      .getRawMany<{ eventType: string }>();
    return new Set(rows.map((r) => r.eventType));
  }

  /** Returns the entitlement and whether this call created it (granting twice changes nothing). */
  static async grant(
    manager: EntityManager,
    department: string,
    eventType: string,
  ): Promise<{ entitlement: Entitlement; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Entitlement)
      .values({ department, eventType })
      .orIgnore()
      .returning('*')
      .execute();
    const entitlement = await manager.findOneByOrFail(Entitlement, { department, eventType });
    return { entitlement, created: inserted.raw.length > 0 };
  }

  static async revoke(manager: EntityManager, department: string, eventType: string): Promise<boolean> {
    const result = await manager.delete(Entitlement, { department, eventType });
    return (result.affected ?? 0) > 0;
  }
}

export function entitlementKey(department: string, eventType: string): string {
  return `${department}/${eventType}`;
}
