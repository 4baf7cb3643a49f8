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
  inspection: {
    url: (env: GatewayEnv) => env.INSPECTION_URL,
    title: '双随机、一公开: directories, plans, draws, results',
  },
  registry: { url: (env: GatewayEnv) => env.REGISTRY_URL, title: '电子证照 / 电子印章: catalogue, queries, coverage' },
} as const;

export type DoorApp = keyof typeof DOOR_APPS;

export interface ForwardedRoute {
  readonly app: DoorApp;
  readonly method: 'get' | 'post' | 'put';
  /** The app's own path under `/v1`, OpenAPI style (`/approvals/{approvalId}/timeline`). */
  readonly path: string;
  readonly summary: string;
  /** Open to anyone (一公开): at the gateway `GET /v1/<app>/public/…`, no session or signature asked. */
  readonly public?: true;
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
  {
    app: 'approval',
    method: 'get',
    path: '/public/matters',
    summary: 'The published catalogue: each matter and its supervising departments',
    public: true,
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
  {
    app: 'inspection',
    method: 'get',
    path: '/items',
    summary: 'The item list (随机抽查事项清单) of each department',
  },
  {
    app: 'inspection',
    method: 'put',
    path: '/items/{department}/{code}',
    summary: "An item of the department's list",
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/inspectors',
    summary: 'The inspector directory (执法检查人员名录库)',
  },
  {
    app: 'inspection',
    method: 'put',
    path: '/inspectors/{certificateNo}',
    summary: "An inspector of the caller's department",
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/targets',
    summary: 'The target directory (检查对象名录库), by code or name',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/targets/{uscc}',
    summary: 'An enterprise: licences, credit-risk class',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/targets/{uscc}/inspections',
    summary: 'Every inspection of an enterprise in a year, across departments',
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/imports',
    summary: 'A CSV import job (targets or inspectors)',
  },
  {
    app: 'inspection',
    method: 'put',
    path: '/imports/{id}/file',
    summary: "The job's CSV file (UTF-8 or GB18030)",
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/imports/{id}',
    summary: "An import job's counts and bad rows",
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/plans',
    summary: 'An inspection plan, annual or joint (联合抽查)',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/plans',
    summary: 'Inspection plans',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/plans/{id}',
    summary: 'A plan: exclusions, draws, completion rate',
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/plans/{id}/lock',
    summary: 'Lock a plan: candidates fixed, commitment published',
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/plans/{id}/draws',
    summary: "Draw a locked plan with the witness's entropy",
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/draws/{id}/void',
    summary: 'Void a draw (with the reason) and lock again for a redraw',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/draws/{id}',
    summary: 'A draw record',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/tasks',
    summary: "A department's inspection tasks",
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/tasks/{id}/result',
    summary: "A task's result",
  },
  {
    app: 'inspection',
    method: 'post',
    path: '/tasks/{id}/publication',
    summary: "Publish a task's result (公示)",
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/results/overdue',
    summary: 'Results past their publication deadline',
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/plans',
    summary: 'Published plans (一公开)',
    public: true,
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/plans/{id}',
    summary: 'A published plan: commitment, candidate digest, exclusions, draws',
    public: true,
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/draws',
    summary: 'Every draw',
    public: true,
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/draws/{id}',
    summary: 'A draw record (SSGK-DRAW-1), to verify',
    public: true,
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/results',
    summary: 'Published results, by enterprise name or code',
    public: true,
  },
  {
    app: 'inspection',
    method: 'get',
    path: '/public/targets',
    summary: "Enterprises by name or code, with this year's inspections",
    public: true,
  },
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
