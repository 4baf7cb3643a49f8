import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One entry of the 执法检查人员名录库: identified by the enforcement certificate number (执法证号). */
export interface Inspector {
  certificateNo: string;
  department: string;
  name: string;
  validFrom: string;
  validUntil: string;
  specialities: string[];
  /** Declared conflicts: enterprises (their codes) the inspector must recuse from, relatives' included. */
  conflicts: string[];
  active: boolean;
}

const COLUMNS = `certificate_no AS "certificateNo", department, name, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", specialities, conflicts, active`;

/** The inspector directory. */
@Injectable()
export class InspectorsRepository {
  /** Returns the certificate numbers of the rows that changed (an identical row is left as it is). */
  async upsert(manager: EntityManager, rows: readonly Inspector[]): Promise<string[]> {
    const last = [...new Map(rows.map((r) => [r.certificateNo, r])).values()];
    if (last.length === 0) return [];
    const changed: { certificateNo: string }[] = await manager.query(
      `INSERT INTO inspection.inspector AS i
         (certificate_no, department, name, valid_from, valid_until, specialities, conflicts, active)
       SELECT u.certificate_no, u.department, u.name, u.valid_from, u.valid_until,
              string_to_array(u.specialities, E'\\x1f'), string_to_array(u.conflicts, E'\\x1f'), u.active
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::boolean[])
           AS u(certificate_no, department, name, valid_from, valid_until, specialities, conflicts, active)
       ON CONFLICT (certificate_no) DO UPDATE SET department = excluded.department, name = excluded.name,
         valid_from = excluded.valid_from, valid_until = excluded.valid_until, specialities = excluded.specialities,
         conflicts = excluded.conflicts, active = excluded.active, updated_at = now()
       WHERE (i.department, i.name, i.valid_from, i.valid_until, i.specialities, i.conflicts, i.active)
         IS DISTINCT FROM (excluded.department, excluded.name, excluded.valid_from, excluded.valid_until,
           excluded.specialities, excluded.conflicts, excluded.active)
       RETURNING i.certificate_no AS "certificateNo"`,
      [
        last.map((r) => r.certificateNo),
        last.map((r) => r.department),
        last.map((r) => r.name),
        last.map((r) => r.validFrom),
        last.map((r) => r.validUntil),
        // Arrays of arrays must be rectangular in PostgreSQL: each list travels joined by the unit separator.
        last.map((r) => r.specialities.join('\u001f')),
        last.map((r) => r.conflicts.join('\u001f')),
        last.map((r) => r.active),
      ],
    );
    return changed.map((r) => r.certificateNo);
  }

  list(manager: EntityManager, departments?: readonly string[]): Promise<Inspector[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM inspection.inspector
        WHERE $1::text[] IS NULL OR department = ANY($1::text[]) ORDER BY department, certificate_no`,
      [departments ?? null],
    );
  }

  async find(manager: EntityManager, certificateNo: string): Promise<Inspector | null> {
    const rows: Inspector[] = await manager.query(
      `SELECT ${COLUMNS} FROM inspection.inspector WHERE certificate_no = $1`,
      [certificateNo],
    );
    return rows[0] ?? null;
  }
}
