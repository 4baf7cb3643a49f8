import { HubEnv, loadEnv } from './hub-env';

describe('loadEnv', () => {
  const good = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub' };

  it('applies app defaults and converts numbers', () => {
    const env = loadEnv(HubEnv, good, { PORT: 3001 });
    expect(env.PORT).toBe(3001);
    expect(env.brokers).toEqual(['127.0.0.1:9092']);
    expect(env.KAFKA_PARTITIONS).toBe(6);
  });

  it('lets the environment override defaults', () => {
    expect(loadEnv(HubEnv, { ...good, PORT: '4000' }, { PORT: 3001 }).PORT).toBe(4000);
  });

  it('keeps the inbox 7 days unless told otherwise; 0 keeps it for ever, a negative period is refused', () => {
    expect(loadEnv(HubEnv, good, { PORT: 3001 }).INBOX_RETENTION_HOURS).toBe(168);
    expect(loadEnv(HubEnv, { ...good, PORT: '1', INBOX_RETENTION_HOURS: '0' }).INBOX_RETENTION_HOURS).toBe(0);
    expect(() => loadEnv(HubEnv, { ...good, PORT: '1', INBOX_RETENTION_HOURS: '-1' })).toThrow(/INBOX_RETENTION_HOURS/);
  });

  it('keeps dead letters no longer than the inbox, so that a replay is never applied twice', () => {
    const env = (variables: Record<string, string>) => loadEnv(HubEnv, { ...good, PORT: '1', ...variables });
    expect(env({}).DEAD_LETTER_RETENTION_HOURS).toBe(168);
    expect(env({ INBOX_RETENTION_HOURS: '200', DEAD_LETTER_RETENTION_HOURS: '200' }).DEAD_LETTER_RETENTION_HOURS).toBe(
      200,
    );
    expect(env({ INBOX_RETENTION_HOURS: '0', DEAD_LETTER_RETENTION_HOURS: '0' }).DEAD_LETTER_RETENTION_HOURS).toBe(0);
    expect(() => env({ INBOX_RETENTION_HOURS: '24' })).toThrow(/DEAD_LETTER_RETENTION_HOURS.*INBOX_RETENTION_HOURS/);
    expect(() => env({ DEAD_LETTER_RETENTION_HOURS: '0' })).toThrow(/DEAD_LETTER_RETENTION_HOURS/);
  });

  it('takes the broker limit as a number of at least 64 KiB', () => {
    expect(loadEnv(HubEnv, good, { PORT: 1 }).KAFKA_MAX_MESSAGE_BYTES).toBe(1_048_588);
    expect(loadEnv(HubEnv, { ...good, PORT: '1', KAFKA_MAX_MESSAGE_BYTES: '2000000' }).KAFKA_MAX_MESSAGE_BYTES).toBe(
      2e6,
    );
    expect(() => loadEnv(HubEnv, { ...good, PORT: '1', KAFKA_MAX_MESSAGE_BYTES: '100' })).toThrow(
      /KAFKA_MAX_MESSAGE_BYTES/,
    );
  });

  it('names every bad variable at once', () => {
    let message = '';
    try {
      loadEnv(HubEnv, { KAFKA_BROKERS: 'nope', PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['KAFKA_BROKERS', 'DATABASE_URL', 'PORT', 'LOG_LEVEL']) expect(message).toContain(name);
  });
});
