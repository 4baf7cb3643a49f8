import { readInfraEnv } from './infra-env';

describe('readInfraEnv', () => {
  it('defaults to starting everything locally', () => {
    expect(readInfraEnv({})).toEqual({
      kafkaBrokers: undefined,
      kafkaCredentialsFile: undefined,
      kafkaPort: 9092,
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
