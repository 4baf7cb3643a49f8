import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { GroupCommit, postgresConnectionConfig } from '@hub/persistence';
import { GatewayEnv } from '../gateway.env';
import { Credential } from '../credentials/entities/credential.entity';
import { RequestNonce } from './entities/request-nonce.entity';

const PURGE_EVERY_MS = 60_000;

interface NonceUse {
  readonly accessKeyId: string;
  readonly nonce: string;
  readonly expiresAtSeconds: number;
}

/** What became of a nonce the gateway was asked to record. */
export type NonceOutcome = 'fresh' | 'replayed' | 'inactive';

const keyOf = (accessKeyId: string, nonce: string): string => `${accessKeyId}\u0000${nonce}`;

/**
 * The nonces each credential has used, in PostgreSQL so that every replica sees them. Intake writes its requests'
 * nonces with their receipts (IntakeRepository.insertNew); this repository writes the others', on a pool of its own
 * whose commits do not wait for the WAL flush (synchronous_commit off): a crash may forget the last few
 * milliseconds of nonces, which would let a request signed just before it be replayed within its 5-minute window —
 * a request that changed nothing (intake's refusals) or that the hub answers the same way again. What that buys: a
 * signed request no longer waits for a disk flush before its own work starts.
 */
@Injectable()
export class NonceRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NonceRepository.name);
  private readonly table: string;
  private readonly credentialTable: string;
  private purger?: NodeJS.Timeout;
  /** Concurrent requests' nonces go in one INSERT: a round trip per group, not per request. */
  private readonly uses = new GroupCommit<NonceUse, NonceOutcome>((uses) => this.insert(uses), {
    concurrency: 1,
    maxWeight: 1_000,
  });

  private readonly pool: Pool;

  constructor(dataSource: DataSource, env: GatewayEnv) {
    this.table = dataSource.getMetadata(RequestNonce).tablePath;
    this.credentialTable = dataSource.getMetadata(Credential).tablePath;
    this.pool = new Pool({
      ...postgresConnectionConfig(env.DATABASE_URL, 'gateway-nonces', env.databaseTimeouts),
      max: 2,
      options: '-c synchronous_commit=off',
    });
    this.pool.on('error', (error) => this.logger.warn(`nonce pool connection: ${error.message}`));
  }

  onModuleInit(): void {
    this.purger = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purger.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purger);
    await this.pool.end();
  }

  /**
   * Records the nonce until `expiresAtSeconds` (unix): `replayed` when the credential has used it already, `inactive`
   * (and not recorded) when the credential is no longer active as the statement runs — revoked or expired since the
   * replica looked it up, whatever its cached copy says.
   */
  remember(accessKeyId: string, nonce: string, expiresAtSeconds: number): Promise<NonceOutcome> {
    return this.uses.submit({ accessKeyId, nonce, expiresAtSeconds });
  }

  private async insert(uses: readonly NonceUse[]): Promise<NonceOutcome[]> {
    const { rows } = await this.pool.query<{ accessKeyId: string; nonce: string | null }>(
      `WITH u AS (SELECT * FROM unnest($1::text[], $2::text[], $3::float8[]) AS u(k, n, e)),
            live AS (
              SELECT u.* FROM u
               WHERE EXISTS (SELECT 1 FROM ${this.credentialTable} c
                              WHERE c.access_key_id = u.k AND c.revoked_at IS NULL
                                AND (c.expires_at IS NULL OR c.expires_at > now()))
            ),
            fresh AS (
              INSERT INTO ${this.table} (access_key_id, nonce, expires_at)
              SELECT k, n, to_timestamp(e) FROM live
              ON CONFLICT (access_key_id, nonce) DO NOTHING
              RETURNING access_key_id, nonce
            )
       SELECT access_key_id AS "accessKeyId", nonce FROM fresh
       UNION ALL
       SELECT DISTINCT k, NULL FROM u WHERE k NOT IN (SELECT k FROM live)`,
      [uses.map((u) => u.accessKeyId), uses.map((u) => u.nonce), uses.map((u) => u.expiresAtSeconds)],
    );
    const inactive = new Set(rows.filter((r) => r.nonce === null).map((r) => r.accessKeyId));
    const taken = new Set(rows.filter((r) => r.nonce !== null).map((r) => keyOf(r.accessKeyId, r.nonce!)));
    // The first use of a nonce in the group took it; a second one in the same group is a replay like any other.
    return uses.map((u) =>
      inactive.has(u.accessKeyId) ? 'inactive' : taken.delete(keyOf(u.accessKeyId, u.nonce)) ? 'fresh' : 'replayed',
    );
  }

  /** Forgets nonces whose requests are past the window; returns how many. */
  async purge(): Promise<number> {
    try {
      const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at < now()`);
      return rowCount ?? 0;
    } catch (error) {
      this.logger.warn(`nonce purge failed (retried in ${PURGE_EVERY_MS / 1000} s): ${(error as Error).message}`);
      return 0;
    }
  }
}
