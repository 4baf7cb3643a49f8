import { createHash } from 'node:crypto';

/**
 * Every secret this repository publishes, in one place: what development, the tests and the demo run on without
 * configuration, and what earlier versions of docker-compose.yml shipped. Production refuses each of them (HubEnv):
 * anyone who can read the repository knows them.
 */

/**
 * The gateway's sealing key when HUB_SECRET_KEY is unset in development and tests, so that a fresh clone and the
 * tests run without configuration. Never protects real credentials (`npm start` generates a key in .hub/).
 */
export const DEVELOPMENT_SECRET_KEY = createHash('sha256')
  .update('chengde-hub development key, not for production')
  .digest();

// The static department credentials that the domain apps checked before the gateway's door (`demo-<code>`).
const DEMO_DEPARTMENT_SECRET = /^demo-secret-[A-Z]{2,6}-0001$/;

const PUBLISHED_VALUES: ReadonlySet<string> = new Set([
  DEVELOPMENT_SECRET_KEY.toString('base64'),
  // docker-compose.yml's defaults before it took its secrets from a generated .env.
  'ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=',
  'docker-demo-admin-secret-change-me',
  'postgres',
]);

/** True when `value` is a secret published in this repository. */
export function isPublishedSecret(value: string): boolean {
  return PUBLISHED_VALUES.has(value) || DEMO_DEPARTMENT_SECRET.test(value);
}
