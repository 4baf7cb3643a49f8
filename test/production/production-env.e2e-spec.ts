import { DEVELOPMENT_SECRET_KEY } from '@hub/config';
import { appProcessExit } from '@hub/testing';

// Refused before anything is connected to: nothing listens at these addresses.
const unreachable = { KAFKA_BROKERS: '127.0.0.1:1', DATABASE_URL: 'postgres://hub@127.0.0.1:1/none' };
const production = { ...unreachable, NODE_ENV: 'production', KAFKA_SASL_PASSWORD: 'a-password-of-our-own' };

describe('an app started as a process refuses a bad environment (exit 2, the variable named)', () => {
  it("refuses production with the repository's development sealing key", async () => {
    const { code, output } = await appProcessExit('gateway', {
      ...production,
      KAFKA_SASL_USERNAME: 'hub-gateway',
      HUB_SECRET_KEY: DEVELOPMENT_SECRET_KEY.toString('base64'),
    });
    expect(output).toMatch(/HUB_SECRET_KEY holds a secret published in the repository/);
    expect(code).toBe(2);
  });

  it("refuses production without the edge's public key, rather than falling back to a development pair", async () => {
    const { code, output } = await appProcessExit('console', { ...production, KAFKA_SASL_USERNAME: 'hub-console' });
    expect(output).toMatch(/HUB_EDGE_PUBLIC_KEY is required in production/);
    expect(code).toBe(2);
  });

  it('refuses NODE_ENV=staging, naming the allowed values', async () => {
    const { code, output } = await appProcessExit('registry', { ...unreachable, NODE_ENV: 'staging' });
    expect(output).toMatch(/NODE_ENV must be one of development, test, production \(got "staging"\)/);
    expect(code).toBe(2);
  });
});
