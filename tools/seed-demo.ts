import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { departmentRole, ingressTopic, toKafkaMessage } from '@hub/contracts';
import { infraKafkaSasl } from '@hub/infra';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { HubClient, HubError } from '@hub/sdk';

export const DEMO_ENTERPRISES = 200;

/**
 * Publishes the demo zone's enterprises as the 审批局's registration system would: CloudEvents on its department's
 * ingress topic, which the gateway checks and forwards. Event ids are fixed, so seeding again adds nothing.
 */
export async function seedDemoZone(brokers: string[]): Promise<string> {
  // As the 审批局's own principal, which may write its ingress topic and nothing else.
  const sasl = infraKafkaSasl(departmentRole('SPJ'));
  const producer = new Kafka({ clientId: 'hub-seed', brokers, sasl, logLevel: logLevel.WARN }).producer({
    idempotent: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const messages = demoEnterprises(DEMO_ENTERPRISES).map((e) =>
      toKafkaMessage(enterpriseRegisteredEvent(e), 'binary'),
    );
    await producer.send({ topic: ingressTopic('SPJ'), acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  return `${DEMO_ENTERPRISES} enterprises registered through ${ingressTopic('SPJ')}; the zone's departments are in libs/contracts`;
}

export interface DemoCredential {
  department: string;
  system: string;
  /** The `source` of the system's events. */
  source: string;
  accessKeyId: string;
  secret: string;
  admin: boolean;
}

/** The demo department systems: 审批局's approval system, 市场监管分局's supervision system. */
const DEMO_SYSTEMS = [
  { department: 'SPJ', system: 'approval', description: '审批局 approval system (demo)' },
  { department: 'SCJG', system: 'supervision', description: '市场监管分局 supervision system (demo)' },
  { department: 'YJJ', system: 'inspection', description: '应急局 inspection system (demo)' },
] as const;

/**
 * Registers the demo systems through the gateway's admin API (signed with the bootstrap admin credential) and
 * writes every demo credential, the admin's included, to `file` (mode 600). Credentials already in the file that
 * still work are kept; a system whose credential is lost or dead gets a new one, its old ones expiring at once.
 */
export async function seedDemoCredentials(
  gatewayUrl: string,
  admin: { accessKeyId: string; secret: string },
  file: string,
): Promise<DemoCredential[]> {
  const hub = new HubClient({ url: gatewayUrl, ...admin, retries: 5 });
  const previous = readCredentials(file);
  const credentials: DemoCredential[] = [
    { department: 'XXHZX', system: 'hub-admin', source: '/departments/XXHZX/systems/hub-admin', ...admin, admin: true },
  ];
  for (const { department, system, description } of DEMO_SYSTEMS) {
    const source = `/departments/${department}/systems/${system}`;
    const kept = previous.find((c) => c.department === department && c.system === system);
    if (kept && (await works(gatewayUrl, kept))) {
      credentials.push(kept);
      continue;
    }
    const listed = await hub.request<{ id: string; name: string }[]>('GET', '/v1/admin/systems', {
      query: { department },
    });
    const existing = listed.find((s) => s.name === system);
    const issued = existing
      ? (
          await hub.request<{ credential: { accessKeyId: string; secret: string } }>(
            'POST',
            `/v1/admin/systems/${existing.id}/credentials`,
            { body: { overlapSeconds: 0 } },
          )
        ).credential
      : (
          await hub.request<{ credential: { accessKeyId: string; secret: string } }>('POST', '/v1/admin/systems', {
            body: { department, name: system, description },
          })
        ).credential;
    credentials.push({
      department,
      system,
      source,
      accessKeyId: issued.accessKeyId,
      secret: issued.secret,
      admin: false,
    });
  }
  writeFileSync(file, `${JSON.stringify({ gateway: gatewayUrl, credentials }, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

function readCredentials(file: string): DemoCredential[] {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { credentials: DemoCredential[] }).credentials;
  } catch {
    return [];
  }
}

async function works(gatewayUrl: string, credential: DemoCredential): Promise<boolean> {
  try {
    await new HubClient({ url: gatewayUrl, accessKeyId: credential.accessKeyId, secret: credential.secret }).me();
    return true;
  } catch (error) {
    if (error instanceof HubError && error.status === 401) return false;
    throw error;
  }
}

export interface DemoPerson {
  username: string;
  password: string;
  department: string;
  roles: string[];
}

/** One demo account per role (and a second supervisor, of SPJ), as issue 15 asks of `npm start`. */
const DEMO_PEOPLE = [
  {
    username: 'scjg-supervisor',
    displayName: '市场监管分局 监管人员（演示）',
    department: 'SCJG',
    roles: ['supervisor'],
  },
  { username: 'spj-supervisor', displayName: '审批局 监管人员（演示）', department: 'SPJ', roles: ['supervisor'] },
  { username: 'spj-viewer', displayName: '审批局 查看人员（演示）', department: 'SPJ', roles: ['viewer'] },
  { username: 'zfw-coordinator', displayName: '政法委 协调人员（演示）', department: 'ZFW', roles: ['coordinator'] },
  { username: 'xxhzx-operator', displayName: '信息化中心 运维人员（演示）', department: 'XXHZX', roles: ['operator'] },
  { username: 'xxhzx-auditor', displayName: '信息化中心 审计人员（演示）', department: 'XXHZX', roles: ['auditor'] },
  { username: 'xxhzx-admin', displayName: '信息化中心 管理员（演示）', department: 'XXHZX', roles: ['admin'] },
] as const;

/**
 * Creates the demo people through the gateway's admin API (signed with the bootstrap admin credential), outside
 * production only, and adds them with their passwords to `file` (the demo credentials file, mode 600). A password
 * already in the file is kept; an account whose password the file lacks gets a new random one.
 */
export async function seedDemoPeople(
  gatewayUrl: string,
  admin: { accessKeyId: string; secret: string },
  file: string,
): Promise<DemoPerson[]> {
  const hub = new HubClient({ url: gatewayUrl, ...admin, retries: 5 });
  const contents = readFile(file);
  const previous = (contents.people ?? []) as DemoPerson[];
  const accounts = await hub.request<{ id: string; username: string }[]>('GET', '/v1/admin/people');
  const people: DemoPerson[] = [];
  for (const { username, displayName, department, roles } of DEMO_PEOPLE) {
    const kept = previous.find((p) => p.username === username)?.password;
    const password = kept ?? randomBytes(18).toString('base64url');
    const existing = accounts.find((a) => a.username === username);
    if (!existing) {
      await hub.request('POST', '/v1/admin/people', {
        body: { username, displayName, department, roles: [...roles], password },
      });
    } else if (kept === undefined) {
      await hub.request('POST', `/v1/admin/people/${existing.id}/password`, { body: { password } });
    }
    people.push({ username, password, department, roles: [...roles] });
  }
  writeFileSync(file, `${JSON.stringify({ ...contents, people }, null, 2)}\n`, { mode: 0o600 });
  return people;
}

function readFile(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
