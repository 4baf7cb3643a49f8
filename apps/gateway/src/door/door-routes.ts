import { GatewayEnv } from '../gateway.env';

/**
 * The route table of the door, the one place that says which app owns what: `/v1/<app>/<rest>` at the gateway is
 * `<app's URL>/v1/<rest>` at the app (`POST /v1/supervision/claims` → supervision's `POST /v1/claims`). Every call
 * under an app's prefix is forwarded (the app answers 404 for what it does not have); the routes below are what the
 * OpenAPI document lists, and a unit test (tools/door-routes.spec.ts) holds them to the apps' controllers.
 */
export const DOOR_APPS = {
  approval: { url: (env: GatewayEnv) => env.APPROVAL_URL, title: '审批局: matters, timelines, coordination' },
  supervision: { url: (env: GatewayEnv) => env.SUPERVISION_URL, title: 'claims, returns, supervision, ledgers' },
  console: { url: (env: GatewayEnv) => env.CONSOLE_URL, title: "operators' dead letters (信息化中心)" },
} as const;

export type DoorApp = keyof typeof DOOR_APPS;

export interface ForwardedRoute {
  readonly app: DoorApp;
  readonly method: 'get' | 'post' | 'put';
  /** The app's own path under `/v1`, OpenAPI style (`/approvals/{approvalId}/timeline`). */
  readonly path: string;
  readonly summary: string;
}

export const FORWARDED_ROUTES: readonly ForwardedRoute[] = [
  { app: 'approval', method: 'get', path: '/matters', summary: 'The catalogue of matters' },
  { app: 'approval', method: 'get', path: '/matters/{code}', summary: "A matter's versions" },
  {
    app: 'approval',
    method: 'put',
    path: '/matters/{code}',
    summary: 'A new version of a matter (审批局, coordinators)',
  },
  { app: 'approval', method: 'get', path: '/approvals/{approvalId}/timeline', summary: "An approval's timeline" },
  { app: 'approval', method: 'get', path: '/coordination/queue', summary: "The coordinators' queue" },
  {
    app: 'approval',
    method: 'post',
    path: '/approvals/{approvalId}/assignments',
    summary: 'Assign or re-route an approval (coordinators)',
  },
  { app: 'approval', method: 'get', path: '/revocation-requests', summary: 'Requests to revoke a licence' },
  { app: 'supervision', method: 'post', path: '/claims', summary: 'Claim a push' },
  { app: 'supervision', method: 'post', path: '/claims:batch', summary: 'Claim up to 500 pushes' },
  { app: 'supervision', method: 'post', path: '/returns', summary: 'Return a push, with the reason' },
  { app: 'supervision', method: 'post', path: '/supervisions', summary: 'Record a supervision and its result' },
  { app: 'supervision', method: 'get', path: '/ledgers/{department}', summary: "A department's ledger" },
  { app: 'supervision', method: 'get', path: '/stats', summary: 'Claim rate, claim time and overdue counts' },
  { app: 'console', method: 'get', path: '/dead-letters', summary: 'Dead letters of every consumer' },
  { app: 'console', method: 'post', path: '/dead-letters/{id}/replay', summary: 'Replay a dead letter' },
  { app: 'console', method: 'post', path: '/dead-letters/{id}/discard', summary: 'Discard a dead letter' },
  { app: 'console', method: 'get', path: '/dead-letters/{id}', summary: 'A dead letter with its message (recorded)' },
  { app: 'console', method: 'post', path: '/dead-letters/replay', summary: 'Replay the letters chosen or filtered' },
  { app: 'console', method: 'get', path: '/dead-letters/actions', summary: 'Who did what to dead letters' },
  { app: 'console', method: 'get', path: '/dead-letters/payload-visibility', summary: 'Payload viewing per role' },
  { app: 'console', method: 'put', path: '/dead-letters/payload-visibility', summary: 'Turn payload viewing off' },
  { app: 'console', method: 'get', path: '/ledger', summary: "The event ledger's size, checkpoints and lag" },
  { app: 'console', method: 'get', path: '/ledger/verification', summary: 'Recompute the event ledger' },
  { app: 'console', method: 'get', path: '/ledger/export', summary: 'A range of the ledger with its checkpoints' },
  { app: 'console', method: 'get', path: '/ledger/entries/{seq}/proof', summary: "An entry's inclusion proof" },
  { app: 'console', method: 'get', path: '/operations/overview', summary: 'Readiness, lag, ledger, dead letters' },
];

/** `/v1/<app>/<rest>?<query>` as sent → the app and `/v1/<rest>?<query>`; undefined for a path of no app. */
export function routeOf(target: string): { app: DoorApp; path: string } | undefined {
  const match = /^\/v1\/([a-z]+)(\/.*)$/s.exec(target);
  if (!match || !Object.hasOwn(DOOR_APPS, match[1]!)) return undefined;
  return { app: match[1] as DoorApp, path: `/v1${match[2]}` };
}
