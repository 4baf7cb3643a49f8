import { randomBytes } from 'node:crypto';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  IsolatedEnv,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
} from '@hub/testing';

const ADMIN = { accessKeyId: 'AKE2EPEOPLEADMIN', secret: 'e2e-people-admin-secret-0123456789' };
const PASSWORD = 'correct horse battery staple';

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; rule: string }[];
}

interface Session {
  session: string;
  csrf: string;
  expiresAt: string;
  person: { id: string; username: string; department: string; roles: string[] };
}

interface Action {
  id: string;
  at: string;
  action: string;
  accountId: string | null;
  username: string;
  method: string;
  path: string;
  status: number;
  address: string | null;
}

/**
 * People through the one door, end to end: the gateway and the supervision app as processes on the real broker and
 * database. Accounts made through the admin API; people sign in at the gateway and reach the app with their
 * session, the app checking their roles from the edge's assertion; every action in the audit.
 */
describe('people through the door', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;
  const accounts: Record<string, string> = {};

  /** A call with a person's session (and, when given, the CSRF token), JSON both ways. */
  async function personCall<T>(
    session: { session: string; csrf?: string },
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; headers: Headers; body: T }> {
    const headers: Record<string, string> = { 'hub-session': session.session, 'hub-client-address': '10.1.2.3' };
    if (session.csrf !== undefined) headers['hub-csrf'] = session.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function login(username: string, password = PASSWORD) {
    const response = await fetch(`${gateway.url}/v1/people/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'hub-client-address': '10.9.8.7' },
      body: JSON.stringify({ username, password }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Session & Problem };
  }

  async function signedIn(username: string): Promise<Session> {
    const answer = await login(username);
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function createAccount(username: string, department: string, roles: string[]): Promise<void> {
    const created = await signedCall<{ id: string }>(gateway.url, ADMIN, 'POST', '/v1/admin/people', {
      username,
      displayName: username,
      department,
      roles,
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    accounts[username] = created.body.id;
  }

  const claim = () => ({
    approvalId: `SP-PPL-${randomBytes(3).toString('hex').toUpperCase()}`,
    uscc: demoUscc(778_001),
    actor: 'SCJG-0042',
  });

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    apps.push(await startAppProcess('supervision', envOf('supervision')));
    gateway = await startAppProcess('gateway', envOf('gateway'));
    apps.push(gateway);
    await createAccount('scjg-supervisor', 'SCJG', ['supervisor']);
    await createAccount('spj-viewer', 'SPJ', ['viewer']);
    await createAccount('xxhzx-auditor', 'XXHZX', ['auditor']);
    await createAccount('xxhzx-admin', 'XXHZX', ['admin']);
    await createAccount('scjg-locked', 'SCJG', ['viewer']);
    await createAccount('scjg-leaver', 'SCJG', ['supervisor']);
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('lets a supervisor of SCJG sign in and claim through the door, then read the ledger', async () => {
    const session = await signedIn('scjg-supervisor');
    expect(session.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.person).toMatchObject({ username: 'scjg-supervisor', department: 'SCJG', roles: ['supervisor'] });
    const body = claim();
    const claimed = await personCall<{ state: string; department: string }>(
      session,
      'POST',
      '/v1/supervision/claims',
      body,
    );
    expect(claimed.status).toBe(202);
    expect(claimed.body).toMatchObject({ state: 'held', department: 'SCJG' });
    const ledger = await personCall<{ held: { approvalId: string }[] }>(session, 'GET', '/v1/supervision/ledgers/SCJG');
    expect(ledger.status).toBe(200);
    expect(ledger.body.held.map((p) => p.approvalId)).toContain(body.approvalId);
  });

  it("refuses an SPJ viewer's claim (403 naming the rule) and a POST without Hub-CSRF (403 csrf)", async () => {
    const viewer = await signedIn('spj-viewer');
    const forged = await personCall<Problem>(viewer, 'POST', '/v1/supervision/claims', claim());
    expect(forged.status).toBe(403);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'roles', rule: 'supervisorOfDepartment' })]);
    const supervisor = await signedIn('scjg-supervisor');
    const noCsrf = await personCall<Problem>(
      { session: supervisor.session },
      'POST',
      '/v1/supervision/claims',
      claim(),
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.type).toBe('urn:hub:problem:csrf');
    expect(noCsrf.body.errors).toEqual([expect.objectContaining({ field: 'hub-csrf', rule: 'matchesSession' })]);
    const otherCsrf = await personCall<Problem>(
      { session: supervisor.session, csrf: viewer.csrf },
      'POST',
      '/v1/supervision/claims',
      claim(),
    );
    expect(otherCsrf.status).toBe(403);
  });

  it('locks an account after five wrong passwords: 423 with Retry-After, the right one refused until then', async () => {
    for (let i = 1; i <= 4; i++) {
      const wrong = await login('scjg-locked', 'not the password at all');
      expect(wrong.status).toBe(401);
      expect(wrong.body.type).toBe('urn:hub:problem:invalid-login');
    }
    const fifth = await login('scjg-locked', 'not the password at all');
    expect(fifth.status).toBe(423);
    expect(fifth.body.type).toBe('urn:hub:problem:account-locked');
    const retryAfter = Number(fifth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const right = await login('scjg-locked');
    expect(right.status).toBe(423);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // An unknown username is answered as a wrong password.
    const unknown = await login('nobody-here');
    expect(unknown.status).toBe(401);
    expect(unknown.body.type).toBe('urn:hub:problem:invalid-login');
  });

  it('ends the session on logout: the next call is 401', async () => {
    const session = await signedIn('scjg-supervisor');
    expect((await personCall(session, 'GET', '/v1/people/sessions/current')).status).toBe(200);
    expect((await personCall(session, 'DELETE', '/v1/people/sessions/current')).status).toBe(204);
    const after = await personCall<Problem>(session, 'GET', '/v1/people/sessions/current');
    expect(after.status).toBe(401);
    expect(after.body.type).toBe('urn:hub:problem:invalid-session');
    expect((await personCall(session, 'GET', '/v1/supervision/ledgers/SCJG')).status).toBe(401);
  });

  it("refuses a disabled account's session at once, and its login", async () => {
    const session = await signedIn('scjg-leaver');
    const admin = await signedIn('xxhzx-admin');
    const disabled = await personCall<{ disabled: boolean }>(
      admin,
      'PATCH',
      `/v1/admin/people/${accounts['scjg-leaver']}`,
      {
        disabled: true,
      },
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    const refused = await personCall<Problem>(session, 'GET', '/v1/supervision/ledgers/SCJG');
    expect(refused.status).toBe(401);
    const again = await login('scjg-leaver');
    expect(again.status).toBe(403);
    expect(again.body.type).toBe('urn:hub:problem:account-disabled');
  });

  it("validates accounts: an operator outside XXHZX, a short password; an admin's POST needs Hub-CSRF", async () => {
    const admin = await signedIn('xxhzx-admin');
    const operator = await personCall<Problem>(admin, 'POST', '/v1/admin/people', {
      username: 'scjg-operator',
      displayName: 'x',
      department: 'SCJG',
      roles: ['operator'],
      password: PASSWORD,
    });
    expect(operator.status).toBe(400);
    expect(operator.body.errors).toEqual([expect.objectContaining({ field: 'roles', rule: 'roleOfDepartment' })]);
    const short = await personCall<Problem>(admin, 'POST', '/v1/admin/people', {
      username: 'scjg-short',
      displayName: 'x',
      department: 'SCJG',
      roles: ['viewer'],
      password: 'too short',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'minLength' })]);
    const viewer = await signedIn('spj-viewer');
    const notAdmin = await personCall<Problem>(viewer, 'GET', '/v1/admin/people');
    expect(notAdmin.status).toBe(403);
  });

  it('lists each of those actions in the audit with who and when, for an auditor and not for a viewer', async () => {
    const auditor = await signedIn('xxhzx-auditor');
    const audit = await personCall<Action[]>(auditor, 'GET', '/v1/audit/people-actions?limit=500');
    expect(audit.status).toBe(200);
    const has = (expected: Partial<Action>) =>
      expect(audit.body).toContainEqual(expect.objectContaining({ at: expect.any(String), ...expected }));
    const supervisor = accounts['scjg-supervisor'];
    has({ action: 'login', accountId: supervisor, username: 'scjg-supervisor', status: 201, address: '10.9.8.7' });
    has({ action: 'call', accountId: supervisor, method: 'POST', path: '/v1/supervision/claims', status: 202 });
    has({ action: 'call', accountId: supervisor, method: 'POST', path: '/v1/supervision/claims', status: 403 });
    has({
      action: 'call',
      accountId: accounts['spj-viewer'],
      path: '/v1/supervision/claims',
      status: 403,
      address: '10.1.2.3',
    });
    has({ action: 'login-failed', accountId: accounts['scjg-locked'], status: 401 });
    has({ action: 'login-locked', accountId: accounts['scjg-locked'], status: 423 });
    has({ action: 'login-failed', accountId: null, username: 'nobody-here', status: 401 });
    has({ action: 'logout', accountId: supervisor, status: 204 });
    has({ action: 'admin', accountId: accounts['xxhzx-admin'], method: 'PATCH', status: 200 });
    has({ action: 'login-disabled', accountId: accounts['scjg-leaver'], status: 403 });
    const ids = audit.body.map((a) => BigInt(a.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(ids); // newest first
    const older = await personCall<Action[]>(
      auditor,
      'GET',
      `/v1/audit/people-actions?limit=2&before=${audit.body[1]!.id}`,
    );
    expect(older.body.map((a) => a.id)).toEqual(audit.body.slice(2, 4).map((a) => a.id));
    const mine = await personCall<Action[]>(auditor, 'GET', '/v1/audit/people-actions?person=scjg-locked');
    expect(new Set(mine.body.map((a) => a.username))).toEqual(new Set(['scjg-locked']));
    const viewer = await signedIn('spj-viewer');
    const refused = await personCall<Problem>(viewer, 'GET', '/v1/audit/people-actions');
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'roles', rule: 'auditorOrAdmin' })]);
  });
});
