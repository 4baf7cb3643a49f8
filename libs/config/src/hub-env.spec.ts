import { randomBytes } from 'node:crypto';
import { HubEnv, loadEnv } from './hub-env';
import { DEVELOPMENT_SECRET_KEY, isPublishedSecret } from './published-secrets';

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

describe('loadEnv: development and production', () => {
  const good = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub', PORT: '1' };
  const production = {
    ...good,
    NODE_ENV: 'production',
    KAFKA_SASL_USERNAME: 'hub-gateway',
    KAFKA_SASL_PASSWORD: 'a-password-of-my-own',
  };
  const failure = (variables: Record<string, string>): string => {
    try {
      loadEnv(HubEnv, variables);
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };

  it('takes development, test or production, development when unset, and refuses anything else by name', () => {
    expect(loadEnv(HubEnv, good).NODE_ENV).toBe('development');
    expect(loadEnv(HubEnv, good).developmentMode).toBe(true);
    expect(loadEnv(HubEnv, { ...good, NODE_ENV: 'test' }).developmentMode).toBe(true);
    expect(loadEnv(HubEnv, production).developmentMode).toBe(false);
    for (const value of ['staging', 'prod', 'Production', 'dev']) {
      expect(failure({ ...good, NODE_ENV: value })).toContain(
        `NODE_ENV must be one of development, test, production (got "${value}")`,
      );
    }
  });

  it('wants a Kafka principal of its own in production', () => {
    expect(failure({ ...good, NODE_ENV: 'production' })).toMatch(
      /KAFKA_CREDENTIALS_FILE \(or KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD\) is required in production/,
    );
    expect(
      loadEnv(HubEnv, { ...good, NODE_ENV: 'production', KAFKA_CREDENTIALS_FILE: '/etc/hub/kafka.json' }).NODE_ENV,
    ).toBe('production');
  });

  it('refuses in production a database password or Kafka password published in the repository', () => {
    const published = { DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/hub' };
    expect(failure({ ...production, ...published })).toMatch(/DATABASE_URL holds a secret published in the repository/);
    expect(loadEnv(HubEnv, { ...good, ...published }).DATABASE_URL).toBe(published.DATABASE_URL);
    expect(failure({ ...production, KAFKA_SASL_PASSWORD: 'demo-secret-SPJ-0001' })).toMatch(
      /KAFKA_SASL_PASSWORD holds a secret published in the repository/,
    );
    expect(loadEnv(HubEnv, { ...production, DATABASE_URL: 'postgres://hub:s3cret-of-ours@db:5432/hub' }).NODE_ENV).toBe(
      'production',
    );
  });
});

describe('isPublishedSecret', () => {
  it('knows the development key, every demo department secret and the old compose defaults', () => {
    expect(isPublishedSecret(DEVELOPMENT_SECRET_KEY.toString('base64'))).toBe(true);
    expect(isPublishedSecret('demo-secret-XXHZX-0001')).toBe(true);
    expect(isPublishedSecret('docker-demo-admin-secret-change-me')).toBe(true);
    expect(isPublishedSecret(randomBytes(32).toString('base64'))).toBe(false);
  });
});
