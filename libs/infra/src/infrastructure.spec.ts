import { databaseNameFor } from './infrastructure';

describe('databaseNameFor', () => {
  it('runs on hub unless DATABASE_URL names another database', () => {
    expect(databaseNameFor('run', undefined)).toBe('hub');
    expect(databaseNameFor('run', 'postgres://postgres@postgres:5432/')).toBe('hub');
    expect(databaseNameFor('run', 'postgres://postgres@postgres:5432/hub_prod')).toBe('hub_prod');
  });

  it('tests on a test database only, even when DATABASE_URL names the running one', () => {
    expect(databaseNameFor('test', undefined)).toBe('hub_test');
    expect(databaseNameFor('test', 'postgres://postgres@postgres:5432/hub')).toBe('hub_test');
    expect(databaseNameFor('test', 'postgres://postgres@postgres:5432/hub_test_ci')).toBe('hub_test_ci');
  });
});
