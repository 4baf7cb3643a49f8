import {
  assertDatabaseName,
  assertTestDatabase,
  databaseNameOf,
  databaseUrl,
  HUB_DATABASE,
  HUB_TEST_DATABASE,
  isTestDatabase,
} from './postgres-url';

describe('databaseUrl', () => {
  it('keeps server, user, password and options, and replaces the database', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432/postgres', HUB_DATABASE)).toBe(
      'postgres://postgres@127.0.0.1:5432/hub',
    );
    expect(databaseUrl('postgresql://u:p%40ss@db.example:6543/app?sslmode=require', 'hub_test')).toBe(
      'postgresql://u:p%40ss@db.example:6543/hub_test?sslmode=require',
    );
  });

  it('works on a URL without a database', () => {
    expect(databaseUrl('postgres://postgres@localhost:5432', 'hub')).toBe('postgres://postgres@localhost:5432/hub');
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => databaseUrl('postgres://localhost/postgres', 'hub"; DROP DATABASE x; --')).toThrow(
      /Invalid database name/,
    );
  });
});

describe('databaseNameOf', () => {
  it('reads the database from the path', () => {
    expect(databaseNameOf('postgres://postgres:postgres@postgres:5432/hub')).toBe('hub');
    expect(databaseNameOf('postgres://localhost:5432/')).toBe('');
  });
});

describe('assertTestDatabase', () => {
  it.each([HUB_TEST_DATABASE, 'test', 'test_hub', 'hub_test_2', 'approval_test_worker_3'])('accepts %s', (name) => {
    expect(isTestDatabase(name)).toBe(true);
    expect(() => assertTestDatabase(`postgres://localhost:5432/${name}`)).not.toThrow();
  });

  it.each([HUB_DATABASE, 'postgres', 'contest', 'hub_testing', 'latest', 'hubtest', ''])('refuses %p', (name) => {
    expect(isTestDatabase(name)).toBe(false);
    expect(() => assertTestDatabase(`postgres://localhost:5432/${name}`)).toThrow(
      /Refusing to run tests against database/,
    );
  });
});

describe('assertDatabaseName', () => {
  it('accepts lower-case identifiers of at most 63 characters', () => {
    expect(() => assertDatabaseName('hub_test_1')).not.toThrow();
    expect(() => assertDatabaseName('a'.repeat(63))).not.toThrow();
    expect(() => assertDatabaseName('a'.repeat(64))).toThrow();
    expect(() => assertDatabaseName('Hub')).toThrow();
    expect(() => assertDatabaseName('1hub')).toThrow();
  });
});
