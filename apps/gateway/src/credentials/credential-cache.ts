import { Logger } from '@nestjs/common';
import type { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** Everything cached is dropped: a payload of the credentials channel that names no one credential. */
const EVERY_CREDENTIAL = '*';
/** The bound on cached credentials: only known ones are cached, so it covers many systems. */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

/** The channel on which a replica hears that credentials changed: per schema, as the hub's tables are. */
export function credentialsChannel(dataSource: DataSource): string {
  return `${String((dataSource.options as { schema?: string }).schema ?? 'public')}_credentials`;
}

/**
 * Tells every replica, when the caller's transaction commits, that a credential changed (revoked, expired early by a
 * rotation, resealed): each drops its cached copy before it takes the next request with it.
 */
export async function announceCredentialChange(manager: EntityManager, accessKeyId: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [credentialsChannel(manager.connection), accessKeyId]);
}

/**
 * A replica's copy of the credentials it looked up, kept only while it LISTENs on the credentials channel: any
 * change is announced there at commit (announceCredentialChange), so a revocation reaches every replica in the time
 * PostgreSQL takes to deliver a NOTIFY, not after the cache's lifetime. Without the listening session (not yet
 * connected, or lost) nothing is cached and every request looks its credential up, and the copy is emptied each
 * time the session is (re)established, since announcements may have been missed meanwhile.
 */
export class CredentialCache<T extends { expiresAt: Date | null }> {
  private readonly logger = new Logger(CredentialCache.name);
  private readonly entries = new Map<string, { value: T; until: number }>();
  private listener: Client | undefined;
  private listening = false;
  private stopped = false;
  private reconnect: NodeJS.Timeout | undefined;
  /** Goes up with every announcement: a look-up that started before one is not kept (it may be stale). */
  private generation = 0;

  constructor(
    private readonly lifetimeMs: number,
    private readonly connect: () => Client,
    private readonly channel: string,
  ) {}

  /** Whether look-ups are being kept now: a lifetime is set and the replica is listening. */
  get active(): boolean {
    return this.lifetimeMs > 0 && this.listening;
  }

  async start(): Promise<void> {
    if (this.lifetimeMs > 0) await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.listener;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  /** The cached value, if any and still within its lifetime and its own expiry. */
  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.active && entry.until > now && (entry.value.expiresAt === null || entry.value.expiresAt.getTime() > now)) {
      return entry.value;
    }
    this.entries.delete(key);
    return undefined;
  }

  /** A token to hand back to `set`: taken before the look-up, so that a change announced during it wins. */
  ticket(): number {
    return this.generation;
  }

  set(key: string, value: T, ticket: number, now = Date.now()): void {
    if (!this.active || ticket !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, until: now + this.lifetimeMs });
  }

  /** This replica's own change: dropped here at once, before the announcement comes back. */
  forget(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  private heard(payload: string | undefined): void {
    this.generation += 1;
    if (payload === undefined || payload === EVERY_CREDENTIAL) this.entries.clear();
    else this.entries.delete(payload);
  }

  private async listen(): Promise<void> {
    if (this.stopped || this.listener) return;
    const client = this.connect();
    this.listener = client;
    const lost = (): void => {
      if (this.listener !== client) return;
      this.drop();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn('the credentials channel was lost: every request looks its credential up until it is back');
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => this.heard(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (this.listener !== client) return;
      // Whatever was announced while not listening is unknown: start from nothing.
      this.heard(EVERY_CREDENTIAL);
      this.listening = true;
    } catch (error) {
      this.logger.warn(`not listening for credential changes (${(error as Error).message}); not caching`);
      lost();
    }
  }

  private drop(): void {
    this.listener = undefined;
    this.listening = false;
    this.heard(EVERY_CREDENTIAL);
  }
}
