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
