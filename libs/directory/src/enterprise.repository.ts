import { EntityManager } from 'typeorm';
import { Enterprise } from './entities/enterprise.entity';

export type EnterpriseRow = Omit<Enterprise, 'status' | 'deregisteredOn' | 'updatedAt'>;

const UPDATABLE: (keyof Enterprise)[] = [
  'name',
  'legalRepresentative',
  'address',
  'industryCode',
  'establishedOn',
  'registeredCapitalYuan',
  'lastEventId',
];

/** Writes the enterprise projection; every call runs in the transaction of the delivery that causes it. */
export class EnterpriseRepository {
  /** One multi-row upsert; the last row per code wins, as it would applied one by one. */
  static async upsert(manager: EntityManager, rows: readonly EnterpriseRow[]): Promise<void> {
    const lastPerCode = [...new Map(rows.map((r) => [r.uscc, r])).values()];
    if (lastPerCode.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Enterprise)
      .values(lastPerCode.map((r) => ({ ...r, status: 'active' as const, deregisteredOn: null })))
      .orUpdate([...UPDATABLE.map((p) => columnOf(manager, p)), 'status', 'deregistered_on', 'updated_at'], ['uscc'])
      .execute();
  }

  /** Returns false when the enterprise is not in the directory. */
  static async deregister(manager: EntityManager, uscc: string, on: string, eventId: string): Promise<boolean> {
    const result = await manager.update(
      Enterprise,
      { uscc },
      { status: 'deregistered', deregisteredOn: on, lastEventId: eventId, updatedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  static find(manager: EntityManager, uscc: string): Promise<Enterprise | null> {
    return manager.findOneBy(Enterprise, { uscc });
  }
}

function columnOf(manager: EntityManager, property: keyof Enterprise): string {
  const column = manager.connection.getMetadata(Enterprise).findColumnWithPropertyName(property as string);
  if (!column) throw new Error(`Enterprise has no column for ${String(property)}`);
  return column.databaseName;
}
