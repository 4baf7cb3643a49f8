import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubEnv, loadEnv } from '@hub/config';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { kafkaGrants } from '@hub/contracts';
import { parseKafkaCredentials } from '@hub/infra';
import { aclEntries, kafkaSaslOf } from './kafka-access';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://u@127.0.0.1/hub', PORT: '0' };

describe('kafkaSaslOf', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'hub-kafka-')), 'credentials.json');
  writeFileSync(
    file,
    JSON.stringify({
      mechanism: 'scram-sha-512',
      principals: { gateway: { username: 'hub-gateway', password: 'gateway-secret-0123' } },
    }),
  );

  it("takes the app's entry of KAFKA_CREDENTIALS_FILE, and refuses a role the file does not name", () => {
    const env = loadEnv(HubEnv, { ...base, KAFKA_CREDENTIALS_FILE: file });
    expect(kafkaSaslOf(env, 'gateway')).toEqual({
      mechanism: 'scram-sha-512',
      username: 'hub-gateway',
      password: 'gateway-secret-0123',
    });
    expect(() => kafkaSaslOf(env, 'approval')).toThrow(/no principal "approval"/);
  });

  it("prefers the process's own KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD", () => {
    const env = loadEnv(HubEnv, {
      ...base,
      KAFKA_CREDENTIALS_FILE: file,
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'gw-prod',
      KAFKA_SASL_PASSWORD: 'a-long-enough-password',
    });
    expect(kafkaSaslOf(env, 'gateway')).toEqual({
      mechanism: 'scram-sha-256',
      username: 'gw-prod',
      password: 'a-long-enough-password',
    });
  });

  it('connects without authentication when neither is configured', () => {
    expect(kafkaSaslOf(loadEnv(HubEnv, base), 'gateway')).toBeUndefined();
  });

  it('refuses a user name without a password, and an unknown mechanism', () => {
    expect(() => loadEnv(HubEnv, { ...base, KAFKA_SASL_USERNAME: 'gw' })).toThrow(/KAFKA_SASL_PASSWORD/);
    expect(() =>
      loadEnv(HubEnv, {
        ...base,
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'gw',
        KAFKA_SASL_PASSWORD: 'a-long-enough-password',
      }),
    ).toThrow(/KAFKA_SASL_MECHANISM/);
  });
});

describe('aclEntries', () => {
  // An existing cluster's users need not be named after the roles.
  const credentials = parseKafkaCredentials({
    mechanism: 'scram-sha-512',
    principals: Object.fromEntries(
      [...new Set(kafkaGrants().map((g) => g.role))].map((role) => [
        role,
        { username: `corp-${role}`, password: 'a-long-enough-password' },
      ]),
    ),
  });

  it("names each role by its user in the credentials, and keeps the grant's resource, pattern and operation", () => {
    const entries = aclEntries(kafkaGrants('p.'), credentials);
    expect(entries).toContainEqual(
      expect.objectContaining({
        principal: 'User:corp-spj',
        resourceType: AclResourceTypes.TOPIC,
        resourceName: 'p.zone.ingress.spj.v1',
        resourcePatternType: ResourcePatternTypes.LITERAL,
        operation: AclOperationTypes.WRITE,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        principal: 'User:corp-spj',
        resourceType: AclResourceTypes.GROUP,
        resourceName: 'p.spj.',
        resourcePatternType: ResourcePatternTypes.PREFIXED,
        operation: AclOperationTypes.READ,
      }),
    );
    expect(entries.every((e) => e.principal.startsWith('User:corp-'))).toBe(true);
  });
});
