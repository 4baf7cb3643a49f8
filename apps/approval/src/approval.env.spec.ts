import { loadEnv } from '@hub/config';
import { newEdgeKeys } from '@hub/infra';
import { ApprovalEnv } from './approval.env';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub', PORT: '1' };
const production = {
  ...base,
  NODE_ENV: 'production',
  KAFKA_CREDENTIALS_FILE: '/etc/hub/kafka.json',
  HUB_EDGE_PUBLIC_KEY: newEdgeKeys().publicKey,
};

describe('ApprovalEnv', () => {
  it('seeds the demo matters by default in development and tests, never in production', () => {
    expect(loadEnv(ApprovalEnv, base).seedDemoMatters).toBe(true);
    expect(loadEnv(ApprovalEnv, { ...base, NODE_ENV: 'test' }).seedDemoMatters).toBe(true);
    expect(loadEnv(ApprovalEnv, { ...base, DEMO_MATTERS: 'false' }).seedDemoMatters).toBe(false);
    expect(loadEnv(ApprovalEnv, production).seedDemoMatters).toBe(false);
    expect(loadEnv(ApprovalEnv, { ...production, DEMO_MATTERS: 'false' }).seedDemoMatters).toBe(false);
    expect(() => loadEnv(ApprovalEnv, { ...production, DEMO_MATTERS: 'true' })).toThrow(
      /DEMO_MATTERS must not be true in production/,
    );
  });
});
