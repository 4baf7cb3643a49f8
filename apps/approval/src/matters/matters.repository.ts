import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatterVersion } from './entities/matter-version.entity';

/** Reads and writes the catalogue; every call takes the transaction it belongs to. */
@Injectable()
export class MattersRepository {
  /** The version in force on `date`: the highest version effective on or before it. */
  inForce(manager: EntityManager, matterCode: string, date: string): Promise<MatterVersion | null> {
    return manager
      .createQueryBuilder(MatterVersion, 'v')
      .where('v.matter_code = :matterCode AND v.effective_from <= :date', { matterCode, date })
      .orderBy('v.version', 'DESC')
      .getOne();
  }

  latest(manager: EntityManager, matterCode: string): Promise<MatterVersion | null> {
    return manager.findOne(MatterVersion, { where: { matterCode }, order: { version: 'DESC' } });
  }

  versions(manager: EntityManager, matterCode: string): Promise<MatterVersion[]> {
    return manager.find(MatterVersion, { where: { matterCode }, order: { version: 'ASC' } });
  }

  async latestOfEach(manager: EntityManager): Promise<MatterVersion[]> {
    return manager
      .createQueryBuilder(MatterVersion, 'v')
      .distinctOn(['v.matter_code'])
      .orderBy('v.matter_code')
      .addOrderBy('v.version', 'DESC')
      .getMany();
  }

  async count(manager: EntityManager): Promise<number> {
    return manager.count(MatterVersion);
  }

  async insert(manager: EntityManager, rows: Omit<MatterVersion, 'changedAt'>[]): Promise<void> {
    if (rows.length > 0) await manager.insert(MatterVersion, rows);
  }
}
