import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateBucket } from './entities/rate-bucket.entity';
import { Lease, RateBuckets, RateLimit, leaseFrom } from './rate-limiter';

/** The departments' rate buckets in PostgreSQL: a lease locks the department's row, refills it and takes from it. */
@Injectable()
export class RateBucketsRepository implements RateBuckets {
  private readonly table: string;
  /** Departments whose row this replica knows to exist. */
  private readonly known = new Set<string>();

  constructor(private readonly dataSource: DataSource) {
    this.table = dataSource.getMetadata(RateBucket).tablePath;
  }

  async lease(department: string, limit: RateLimit, need: number, want: number): Promise<Lease> {
    if (!this.known.has(department)) {
      // A new bucket starts full, as of now.
      await this.dataSource.query(
        `INSERT INTO ${this.table} (department, tokens, refilled_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (department) DO NOTHING`,
        [department, limit.burst],
      );
      this.known.add(department);
    }
    return this.dataSource.transaction(async (manager) => {
      // The database's clock, not the replica's: replicas whose clocks differ still share one bucket correctly.
      const [row] = await manager.query<{ tokens: number; refilled_at_ms: number; now_ms: number }[]>(
        `SELECT tokens, extract(epoch FROM refilled_at) * 1000 AS refilled_at_ms,
                extract(epoch FROM clock_timestamp()) * 1000 AS now_ms
           FROM ${this.table} WHERE department = $1 FOR UPDATE`,
        [department],
      );
      const state = row ? { tokens: Number(row.tokens), refilledAtMs: Number(row.refilled_at_ms) } : undefined;
      const { lease, bucket } = leaseFrom(state, limit, need, want, Number(row?.now_ms ?? Date.now()));
      await manager.query(
        `INSERT INTO ${this.table} (department, tokens, refilled_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))
         ON CONFLICT (department) DO UPDATE SET tokens = excluded.tokens, refilled_at = excluded.refilled_at`,
        [department, bucket.tokens, bucket.refilledAtMs],
      );
      return lease;
    });
  }
}
