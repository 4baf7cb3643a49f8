import { EntityManager } from 'typeorm';
import { Enterprise } from './entities/enterprise.entity';

export type EnterpriseRow = Omit<Enterprise, 'status' | 'deregisteredOn' | 'updatedAt'>;

/** Writes the enterprise projection; every call runs in the transaction of the delivery that causes it. */
export class EnterpriseRepository {
  /**
   * One multi-row upsert whatever the batch size (arrays, not one parameter per value); the last row per code
   * wins, as it would applied one by one.
   */
  static async upsert(manager: EntityManager, rows: readonly EnterpriseRow[]): Promise<void> {
    const last = [...new Map(rows.map((r) => [r.uscc, r])).values()];
    if (last.length === 0) return;
    const table = manager.connection.getMetadata(Enterprise).tablePath;
    await manager.query(
      `INSERT INTO ${table} AS e (uscc, name, legal_representative, address, industry_code, established_on,
         registered_capital_yuan, last_event_id)
       SELECT * FROM unnest($1::char(18)[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::bigint[], $8::text[])
       ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, legal_representative = excluded.legal_representative,
         address = excluded.address, industry_code = excluded.industry_code, established_on = excluded.established_on,
         registered_capital_yuan = excluded.registered_capital_yuan, last_event_id = excluded.last_event_id,
         status = 'active', deregistered_on = NULL, updated_at = now()`,
      [
        last.map((r) => r.uscc),
        last.map((r) => r.name),
        last.map((r) => r.legalRepresentative),
        last.map((r) => r.address),
        last.map((r) => r.industryCode),
        last.map((r) => r.establishedOn),
        last.map((r) => r.registeredCapitalYuan),
        last.map((r) => r.lastEventId),
      ],
    );
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
