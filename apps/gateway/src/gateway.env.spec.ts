import { DEVELOPMENT_SECRET_KEY, loadEnv } from '@hub/config';
import { newEdgeKeys } from '@hub/infra';
import { GatewayEnv } from './gateway.env';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub', PORT: '3000' };
const production = {
  NODE_ENV: 'production',
  KAFKA_SASL_USERNAME: 'hub-gateway',
  KAFKA_SASL_PASSWORD: 'a-password-of-our-own',
  HUB_EDGE_SIGNING_KEY: newEdgeKeys().privateKey,
};
const failure = (variables: Record<string, string>): string => {
  try {
    loadEnv(GatewayEnv, { ...base, ...variables });
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('GatewayEnv', () => {
  it('runs without configuration outside production, on the public development key', () => {
    const env = loadEnv(GatewayEnv, base);
    expect(env.secretKey).toEqual(DEVELOPMENT_SECRET_KEY);
    expect(env.GATEWAY_MAX_BATCH_EVENTS).toBe(500);
    expect(env.rateOverrides.size).toBe(0);
    expect(env.GATEWAY_RECEIPT_RETENTION_HOURS).toBe(720);
  });

  it("bounds the old generation's growth unless told otherwise, and refuses a negative factor", () => {
    expect(loadEnv(GatewayEnv, base).HEAP_GROWING_PERCENT).toBe(100);
    expect(loadEnv(GatewayEnv, { ...base, HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    expect(failure({ HEAP_GROWING_PERCENT: '-1' })).toMatch(/HEAP_GROWING_PERCENT/);
  });

  it('keeps receipts for ever with a retention of 0 and refuses a negative one', () => {
    expect(loadEnv(GatewayEnv, { ...base, GATEWAY_RECEIPT_RETENTION_HOURS: '0' }).GATEWAY_RECEIPT_RETENTION_HOURS).toBe(
      0,
    );
    expect(failure({ GATEWAY_RECEIPT_RETENTION_HOURS: '-24' })).toMatch(/GATEWAY_RECEIPT_RETENTION_HOURS/);
  });

  it('requires HUB_SECRET_KEY in production, and 32 bytes of base64 wherever it is set', () => {
    expect(failure(production)).toMatch(/HUB_SECRET_KEY is required in production/);
    expect(failure({ HUB_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toMatch(
      /HUB_SECRET_KEY must be the base64 of 32/,
    );
    const key = Buffer.alloc(32, 9);
    expect(loadEnv(GatewayEnv, { ...base, ...production, HUB_SECRET_KEY: key.toString('base64') }).secretKey).toEqual(
      key,
    );
  });

  it('refuses in production the development key and the secrets docker-compose.yml once shipped', () => {
    const own = { HUB_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(failure({ ...production, HUB_SECRET_KEY: DEVELOPMENT_SECRET_KEY.toString('base64') })).toMatch(
      /HUB_SECRET_KEY holds a secret published in the repository/,
    );
    expect(failure({ ...production, HUB_SECRET_KEY: 'ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=' })).toMatch(
      /HUB_SECRET_KEY holds a secret published/,
    );
    const admin = {
      HUB_ADMIN_ACCESS_KEY_ID: 'AKDOCKERDEMOADMIN',
      HUB_ADMIN_SECRET: 'docker-demo-admin-secret-change-me',
    };
    expect(failure({ ...production, ...own, ...admin })).toMatch(/HUB_ADMIN_SECRET holds a secret published/);
    // The same values are fine in development, where they are what they are for.
    expect(
      loadEnv(GatewayEnv, { ...base, HUB_SECRET_KEY: DEVELOPMENT_SECRET_KEY.toString('base64'), ...admin })
        .HUB_ADMIN_SECRET,
    ).toBe(admin.HUB_ADMIN_SECRET);
  });

  it('allows plain-http webhook targets by default in development and tests only', () => {
    expect(loadEnv(GatewayEnv, base).allowInsecureTargets).toBe(true);
    expect(loadEnv(GatewayEnv, { ...base, NODE_ENV: 'test' }).allowInsecureTargets).toBe(true);
    const key = { HUB_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(loadEnv(GatewayEnv, { ...base, ...production, ...key }).allowInsecureTargets).toBe(false);
    expect(failure({ NODE_ENV: 'staging' })).toMatch(/NODE_ENV must be one of development, test, production/);
  });

  it('requires the edge signing key in production, a PKCS#8 PEM wherever it is set', () => {
    const secretKey = Buffer.alloc(32, 9).toString('base64');
    expect(failure({ NODE_ENV: 'production', HUB_SECRET_KEY: secretKey })).toMatch(
      /HUB_EDGE_SIGNING_KEY is required in production/,
    );
    expect(failure({ HUB_EDGE_SIGNING_KEY: 'secret' })).toMatch(/HUB_EDGE_SIGNING_KEY must be a PKCS#8 PEM/);
    const edge = newEdgeKeys().privateKey;
    expect(loadEnv(GatewayEnv, { ...base, HUB_EDGE_SIGNING_KEY: edge }).edgeSigningKey).toBe(edge);
  });

  it('forwards to the domain apps on their local ports unless told otherwise, and refuses a URL that is none', () => {
    const env = loadEnv(GatewayEnv, base);
    expect([env.APPROVAL_URL, env.SUPERVISION_URL, env.CONSOLE_URL]).toEqual([
      'http://127.0.0.1:3001',
      'http://127.0.0.1:3002',
      'http://127.0.0.1:3005',
    ]);
    expect(failure({ SUPERVISION_URL: 'supervision:3002' })).toMatch(/SUPERVISION_URL must be an http\(s\) URL/);
  });

  it('wants the bootstrap admin credential whole or not at all', () => {
    expect(failure({ HUB_ADMIN_ACCESS_KEY_ID: 'AKADMIN' })).toMatch(/HUB_ADMIN_SECRET is required/);
    expect(failure({ HUB_ADMIN_SECRET: 'x'.repeat(30) })).toMatch(/HUB_ADMIN_ACCESS_KEY_ID is required/);
    expect(failure({ HUB_ADMIN_ACCESS_KEY_ID: 'AKADMIN', HUB_ADMIN_SECRET: 'short' })).toMatch(
      /HUB_ADMIN_SECRET must be 24-256/,
    );
  });

  it('reads per-department rates and refuses a malformed list or a batch bound over 500', () => {
    const env = loadEnv(GatewayEnv, { ...base, GATEWAY_RATE_LIMITS: 'SPJ=5000,SCJG=200' });
    expect([...env.rateOverrides]).toEqual([
      ['SPJ', 5000],
      ['SCJG', 200],
    ]);
    expect(failure({ GATEWAY_RATE_LIMITS: 'SPJ:5000' })).toMatch(/GATEWAY_RATE_LIMITS/);
    expect(failure({ GATEWAY_MAX_BATCH_EVENTS: '501' })).toMatch(/GATEWAY_MAX_BATCH_EVENTS/);
  });
});
