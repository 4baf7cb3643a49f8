import { EventEmitter } from 'node:events';
import type { Client } from 'pg';
import { CredentialCache } from './credential-cache';

/** The listening session, as far as the cache uses it. */
class FakeSession extends EventEmitter {
  readonly queries: string[] = [];
  connect = jest.fn(() => Promise.resolve());
  end = jest.fn(() => Promise.resolve());
  query(sql: string): Promise<void> {
    this.queries.push(sql);
    return Promise.resolve();
  }
}

const credential: { accessKeyId: string; expiresAt: Date | null } = { accessKeyId: 'AK1', expiresAt: null };

function cacheWith(lifetimeMs = 60_000) {
  const sessions: FakeSession[] = [];
  const cache = new CredentialCache<typeof credential>(
    lifetimeMs,
    () => {
      const session = new FakeSession();
      sessions.push(session);
      return session as unknown as Client;
    },
    'gateway_credentials',
  );
  return { cache, sessions };
}

describe('CredentialCache', () => {
  it('keeps nothing before it listens, and with a lifetime of 0 never listens', async () => {
    const { cache, sessions } = cacheWith();
    cache.set('AK1', credential, cache.ticket());
    expect(cache.get('AK1')).toBeUndefined();
    await cache.start();
    expect(sessions[0]!.queries).toEqual(['LISTEN "gateway_credentials"']);
    cache.set('AK1', credential, cache.ticket());
    expect(cache.get('AK1')).toBe(credential);

    const off = cacheWith(0);
    await off.cache.start();
    expect(off.sessions).toHaveLength(0);
    off.cache.set('AK1', credential, off.cache.ticket());
    expect(off.cache.get('AK1')).toBeUndefined();
  });

  it('drops a credential when its change is announced, and everything for an announcement of all', async () => {
    const { cache, sessions } = cacheWith();
    await cache.start();
    cache.set('AK1', credential, cache.ticket());
    cache.set('AK2', { ...credential, accessKeyId: 'AK2' }, cache.ticket());
    sessions[0]!.emit('notification', { payload: 'AK1' });
    expect(cache.get('AK1')).toBeUndefined();
    expect(cache.get('AK2')).toBeDefined();
    sessions[0]!.emit('notification', { payload: '*' });
    expect(cache.get('AK2')).toBeUndefined();
  });

  it('does not keep a look-up that an announcement overtook', async () => {
    const { cache, sessions } = cacheWith();
    await cache.start();
    const ticket = cache.ticket();
    sessions[0]!.emit('notification', { payload: 'AK1' });
    cache.set('AK1', credential, ticket);
    expect(cache.get('AK1')).toBeUndefined();
  });

  it('forgets everything when the session ends, and listens again afresh', async () => {
    jest.useFakeTimers();
    try {
      const { cache, sessions } = cacheWith();
      await cache.start();
      cache.set('AK1', credential, cache.ticket());
      sessions[0]!.emit('end');
      expect(cache.active).toBe(false);
      expect(cache.get('AK1')).toBeUndefined();
      cache.set('AK1', credential, cache.ticket());
      expect(cache.get('AK1')).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(sessions).toHaveLength(2);
      expect(cache.active).toBe(true);
      await cache.stop();
      expect(cache.active).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('honours the lifetime and the credential’s own expiry', async () => {
    const { cache } = cacheWith(1_000);
    await cache.start();
    cache.set('AK1', credential, cache.ticket(), 0);
    expect(cache.get('AK1', 999)).toBe(credential);
    expect(cache.get('AK1', 1_000)).toBeUndefined();
    const expiring = { accessKeyId: 'AK2', expiresAt: new Date(500) };
    cache.set('AK2', expiring, cache.ticket(), 0);
    expect(cache.get('AK2', 499)).toBe(expiring);
    expect(cache.get('AK2', 500)).toBeUndefined();
  });
});
