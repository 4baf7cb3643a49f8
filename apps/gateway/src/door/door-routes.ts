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
  registry: { url: (env: GatewayEnv) => env.REGISTRY_URL, title: '电子证照 / 电子印章: catalogue, queries, coverage' },
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
  { app: 'registry', method: 'get', path: '/licence-types', summary: 'The licence catalogue' },
  { app: 'registry', method: 'put', path: '/licence-types/{typeCode}', summary: 'A licence type (审批局, 信息化中心)' },
  { app: 'registry', method: 'get', path: '/issuer-keys', summary: "Issuers' SM2 public keys" },
  { app: 'registry', method: 'put', path: '/issuer-keys/{issuer}', summary: "Register an issuer's SM2 public key" },
  { app: 'registry', method: 'get', path: '/coverage', summary: '应归尽归、实时汇聚、真实有效, seal filing' },
  { app: 'registry', method: 'get', path: '/gaps', summary: 'The gaps item by item (format=csv to export)' },
  {
    app: 'registry',
    method: 'get',
    path: '/licences/{licenceId}',
    summary: 'An e-licence by 证照标识 (purpose required)',
  },
  {
    app: 'registry',
    method: 'get',
    path: '/holders/{uscc}',
    summary: "A holder's licences and seals (purpose required)",
  },
  { app: 'registry', method: 'get', path: '/access-records', summary: 'Who read which licences, and why' },
];

/** `/v1/<app>/<rest>?<query>` as sent → the app and `/v1/<rest>?<query>`; undefined for a path of no app. */
export function routeOf(target: string): { app: DoorApp; path: string } | undefined {
  const match = /^\/v1\/([a-z]+)(\/.*)$/s.exec(target);
  if (!match || !Object.hasOwn(DOOR_APPS, match[1]!)) return undefined;
  return { app: match[1] as DoorApp, path: `/v1${match[2]}` };
}
