import { loadEnv } from '@hub/config';
import { DepartmentAuthEnv } from './department-auth.env';
import { demoCredentials, parseCredentials } from './department-credentials';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub', PORT: '1' };
const production = { ...base, NODE_ENV: 'production', KAFKA_CREDENTIALS_FILE: '/etc/hub/kafka.json' };
const failure = (variables: Record<string, string>): string => {
  try {
    loadEnv(DepartmentAuthEnv, variables);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('DepartmentAuthEnv', () => {
  it('requires LINKAGE_CREDENTIALS in production and takes the demo credentials only in development and tests', () => {
    expect(failure(production)).toMatch(/LINKAGE_CREDENTIALS is required in production/);
    expect(parseCredentials(undefined, loadEnv(DepartmentAuthEnv, base).developmentMode)).toEqual(demoCredentials());
    expect(() => parseCredentials(undefined, false)).toThrow(/LINKAGE_CREDENTIALS must be set in production/);
  });

  it('refuses in production an entry whose secret is a demo one', () => {
    const demo = demoCredentials().find((c) => c.department === 'XXHZX')!;
    const entry = `${demo.accessKeyId}:${demo.department}:${demo.secret}`;
    expect(failure({ ...production, LINKAGE_CREDENTIALS: `ops-1:XXHZX:an-own-secret-1234;${entry}` })).toMatch(
      /LINKAGE_CREDENTIALS holds a secret published in the repository/,
    );
    expect(loadEnv(DepartmentAuthEnv, { ...base, LINKAGE_CREDENTIALS: entry }).LINKAGE_CREDENTIALS).toBe(entry);
    expect(
      loadEnv(DepartmentAuthEnv, { ...production, LINKAGE_CREDENTIALS: 'ops-1:XXHZX:an-own-secret-1234' }).NODE_ENV,
    ).toBe('production');
  });
});
