import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES as APPS_DEFAULT } from '@hub/config';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES, readInfraEnv } from './infra-env';

describe('readInfraEnv', () => {
  it('defaults to starting everything locally', () => {
    expect(readInfraEnv({})).toEqual({
      kafkaBrokers: undefined,
      kafkaCredentialsFile: undefined,
      kafkaPort: 9092,
      kafkaMaxMessageBytes: 1_048_588,
      databaseUrl: undefined,
      dockerHost: undefined,
      javaHome: undefined,
    });
  });

  it('splits KAFKA_BROKERS and ignores blanks', () => {
    expect(readInfraEnv({ KAFKA_BROKERS: ' kafka:9092, kafka-2:9092 ,' }).kafkaBrokers).toEqual([
      'kafka:9092',
      'kafka-2:9092',
    ]);
    expect(readInfraEnv({ KAFKA_BROKERS: '  ' }).kafkaBrokers).toBeUndefined();
  });

  it('reads the broker limit the apps read too, and refuses one too small to hold an event', () => {
    expect(readInfraEnv({ KAFKA_MAX_MESSAGE_BYTES: '2097152' }).kafkaMaxMessageBytes).toBe(2_097_152);
    expect(() => readInfraEnv({ KAFKA_MAX_MESSAGE_BYTES: '1000' })).toThrow(/KAFKA_MAX_MESSAGE_BYTES/);
    expect(KAFKA_DEFAULT_MAX_MESSAGE_BYTES).toBe(APPS_DEFAULT);
  });

  it('names every bad variable at once', () => {
    expect(() => readInfraEnv({ KAFKA_BROKERS: 'kafka', KAFKA_PORT: '65535', DATABASE_URL: 'mysql://x/y' })).toThrow(
      /KAFKA_BROKERS[\s\S]*KAFKA_PORT[\s\S]*DATABASE_URL/,
    );
  });

  it("reads KAFKA_CREDENTIALS_FILE, an existing cluster's principals", () => {
    expect(readInfraEnv({ KAFKA_CREDENTIALS_FILE: ' /etc/hub/kafka.json ' }).kafkaCredentialsFile).toBe(
      '/etc/hub/kafka.json',
    );
  });

  it('accepts postgres and postgresql URLs', () => {
    expect(readInfraEnv({ DATABASE_URL: 'postgresql://u@h/hub' }).databaseUrl).toBe('postgresql://u@h/hub');
    expect(readInfraEnv({ KAFKA_PORT: '19092' }).kafkaPort).toBe(19092);
  });
});
