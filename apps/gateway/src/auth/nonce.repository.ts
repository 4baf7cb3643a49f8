import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestNonce } from './entities/request-nonce.entity';

const PURGE_EVERY_MS = 60_000;

/** The nonces each credential has used, in PostgreSQL so that every replica sees them. */
@Injectable()
export class NonceRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NonceRepository.name);
  private readonly table: string;
  private purger?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    this.table = dataSource.getMetadata(RequestNonce).tablePath;
  }

  onModuleInit(): void {
    this.purger = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purger.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purger);
  }

  /** Records the nonce until `expiresAtSeconds` (unix); false when the credential has used it already. */
  async remember(accessKeyId: string, nonce: string, expiresAtSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.table} (access_key_id, nonce, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT (access_key_id, nonce) DO NOTHING RETURNING 1`,
      [accessKeyId, nonce, expiresAtSeconds],
    );
    return rows.length === 1;
  }

  /** Forgets nonces whose requests are past the window; returns how many. */
  async purge(): Promise<number> {
    try {
      const [, count] = (await this.dataSource.query(`DELETE FROM ${this.table} WHERE expires_at < now()`)) as [
        unknown,
        number,
      ];
      return count;
    } catch (error) {
      this.logger.warn(`nonce purge failed (retried in ${PURGE_EVERY_MS / 1000} s): ${(error as Error).message}`);
      return 0;
    }
  }
}
