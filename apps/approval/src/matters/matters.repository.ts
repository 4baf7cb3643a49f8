import { EntityManager } from 'typeorm';
import { MatterVersion } from './entities/matter-version.entity';

/** Reads and writes the catalogue; every call takes the transaction it belongs to. */
export class MattersRepository {
  /** The version in force on `date`: the highest version effective on or before it. */
  static inForce(manager: EntityManager, matterCode: string, date: string): Promise<MatterVersion | null> {
    return manager
      .createQueryBuilder(MatterVersion, 'v')
      .where('v.matter_code = :matterCode AND v.effective_from <= :date', { matterCode, date })
      .orderBy('v.version', 'DESC')
      .getOne();
  }

  static latest(manager: EntityManager, matterCode: string): Promise<MatterVersion | null> {
    return manager.findOne(MatterVersion, { where: { matterCode }, order: { version: 'DESC' } });
  }

  static versions(manager: EntityManager, matterCode: string): Promise<MatterVersion[]> {
    return manager.find(MatterVersion, { where: { matterCode }, order: { version: 'ASC' } });
  }

  static async latestOfEach(manager: EntityManager): Promise<MatterVersion[]> {
    return manager
      .createQueryBuilder(MatterVersion, 'v')
      .distinctOn(['v.matter_code'])
      .orderBy('v.matter_code')
      .addOrderBy('v.version', 'DESC')
      .getMany();
  }

  static async count(manager: EntityManager): Promise<number> {
    return manager.count(MatterVersion);
  }

  static async insert(manager: EntityManager, rows: Omit<MatterVersion, 'changedAt'>[]): Promise<void> {
    if (rows.length > 0) await manager.insert(MatterVersion, rows);
  }
}
