import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TargetKind } from './target-kind';

/** One entry of a department's 随机抽查事项清单. */
export interface InspectionItem {
  department: string;
  code: string;
  name: string;
  legalBasis: string;
  /** 重点检查事项 (key) or 一般检查事项 (general). */
  keyItem: boolean;
  /** The kinds of enterprise it applies to; empty: every kind. */
  enterpriseKinds: TargetKind[];
  /** The licence types (matter codes) an enterprise must hold for it to apply; empty: none needed. */
  licenceTypes: string[];
}

const COLUMNS = `department, code, name, legal_basis AS "legalBasis", key_item AS "keyItem",
  enterprise_kinds AS "enterpriseKinds", licence_types AS "licenceTypes"`;

/** The item list (随机抽查事项清单), per department. */
@Injectable()
export class ItemsRepository {
  async upsert(manager: EntityManager, item: InspectionItem): Promise<void> {
    await manager.query(
      `INSERT INTO inspection.inspection_item
         (department, code, name, legal_basis, key_item, enterprise_kinds, licence_types)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (department, code) DO UPDATE SET name = excluded.name, legal_basis = excluded.legal_basis,
         key_item = excluded.key_item, enterprise_kinds = excluded.enterprise_kinds,
         licence_types = excluded.licence_types, updated_at = now()`,
      [item.department, item.code, item.name, item.legalBasis, item.keyItem, item.enterpriseKinds, item.licenceTypes],
    );
  }

  list(manager: EntityManager, departments?: readonly string[]): Promise<InspectionItem[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM inspection.inspection_item
        WHERE $1::text[] IS NULL OR department = ANY($1::text[]) ORDER BY department, code`,
      [departments ?? null],
    );
  }
}
