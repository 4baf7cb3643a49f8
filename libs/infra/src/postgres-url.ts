/** The database the hub runs against. */
export const HUB_DATABASE = 'hub';
/** The database tests run against; only names that say "test" pass assertTestDatabase. */
export const HUB_TEST_DATABASE = 'hub_test';

const TEST_DATABASE_NAME = /(^|_)test(_|$)/;
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A URL for database `name` on the same server, user and options as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  assertDatabaseName(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function isTestDatabase(name: string): boolean {
  return TEST_DATABASE_NAME.test(name);
}

/** Refuses any database whose name does not say it is for tests (e.g. `hub_test`): tests truncate and drop. */
export function assertTestDatabase(url: string): void {
  const name = databaseNameOf(url);
  if (!isTestDatabase(name)) {
    throw new Error(
      `Refusing to run tests against database "${name}": its name must contain "test" as a word (e.g. ${HUB_TEST_DATABASE})`,
    );
  }
}

/** Database names are interpolated into DDL, so only plain lower-case identifiers are accepted. */
export function assertDatabaseName(name: string): void {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`Invalid database name "${name}": use lower-case letters, digits and underscores`);
  }
}
