/**
 * The orchestrator behind `npm start`: infrastructure, every app (each migrates its own schema), demo data, then
 * the URLs; it keeps running until Ctrl-C and then stops what it started.
 *   node -r tsconfig-paths/register dist/tools/hub.js up      (with TS_NODE_BASEURL=dist; `npm start` does this)
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_ROLE, ensureInfrastructure, kafkaCredentials, kafkaCredentialsFile, localEdgeKeys } from '@hub/infra';
import { HUB_PORTS, HubAppName, applyKafkaAcls } from '@hub/platform';
import { seedDemoDelivery } from './seed-delivery';
import { seedDemoCredentials, seedDemoPeople, seedDemoZone } from './seed-demo';
import { seedDemoInspection } from './seed-inspection';
import { seedDemoRegistry } from './seed-registry';

const ROOT = path.resolve(__dirname, '..', '..');
const APPS = Object.keys(HUB_PORTS) as HubAppName[];
const READY_TIMEOUT_MS = 240_000;

interface RunningApp {
  name: HubAppName;
  child: ChildProcess;
  exited: Promise<number | null>;
}

async function up(): Promise<void> {
  const began = Date.now();
  console.log('Starting Kafka and PostgreSQL…');
  const infra = await ensureInfrastructure({ purpose: 'run' });
  const logDir = path.join(ROOT, '.hub', 'logs');
  mkdirSync(logDir, { recursive: true });
  const secrets = gatewaySecrets(path.join(ROOT, '.hub', 'gateway-secrets.json'));
  // The edge's key pair, read there by the gateway (signing) and the domain apps (checking) outside production.
  localEdgeKeys();
  // Each app signs in as itself (its entry of the credentials file) under the ACLs the contracts imply.
  const kafkaLogins = kafkaCredentials();
  const kafkaLoginsFile = kafkaCredentialsFile();
  // Without the administrator's credentials (an operator's file for the apps alone) the ACLs are the operator's.
  if (kafkaLogins?.principals[ADMIN_ROLE]) {
    await applyKafkaAcls(infra.brokers, kafkaLogins, process.env.KAFKA_TOPIC_PREFIX ?? '');
  }
  const env = {
    ...secrets,
    ...process.env,
    ...(kafkaLoginsFile ? { KAFKA_CREDENTIALS_FILE: kafkaLoginsFile } : {}),
    KAFKA_BROKERS: infra.brokers.join(','),
    DATABASE_URL: infra.databaseUrl,
    TS_NODE_BASEURL: path.join(ROOT, 'dist'),
  };
  console.log(`Starting ${APPS.join(', ')}…`);
  const apps = APPS.map((name) => startApp(name, env, logDir));
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('\nStopping the apps…');
      await Promise.all(apps.map(stopApp));
      await infra.stop();
      console.log('Stopped.');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    await Promise.all(apps.map((app) => waitReady(app)));
  } catch (error) {
    console.error(`${(error as Error).message}\nLogs: ${logDir}`);
    return stop(1);
  }
  const credentialsFile = path.join(ROOT, '.hub', 'demo-credentials.json');
  const admin = { accessKeyId: env.HUB_ADMIN_ACCESS_KEY_ID ?? '', secret: env.HUB_ADMIN_SECRET ?? '' };
  const gatewayUrl = `http://127.0.0.1:${HUB_PORTS.gateway}`;
  const credentials = await seedDemoCredentials(gatewayUrl, admin, credentialsFile);
  // Demo people with known passwords have no place in production.
  const people = process.env.NODE_ENV === 'production' ? [] : await seedDemoPeople(gatewayUrl, admin, credentialsFile);
  // Entitlements and subscriptions before the zone's events, so that those reach the subscribers too.
  const scjg = credentials.find((c) => c.department === 'SCJG')!;
  const delivery = await seedDemoDelivery(gatewayUrl, admin, scjg);
  const seeded = await seedDemoZone(infra.brokers);
  const yjj = credentials.find((c) => c.department === 'YJJ')!;
  const spj = credentials.find((c) => c.department === 'SPJ')!;
  const inspection = process.env.NODE_ENV === 'production' ? 'none' : await seedDemoInspection(gatewayUrl, scjg, yjj);
  // Demo licences, signed with a key published in this repository, have no place in production.
  const registry = process.env.NODE_ENV === 'production' ? '' : await seedDemoRegistry(gatewayUrl, spj);
  console.log(`\nThe hub is up (${((Date.now() - began) / 1000).toFixed(0)} s). Demo data: ${seeded}.`);
  console.log(`Delivery: ${delivery}.`);
  console.log(`Inspection: ${inspection}.`);
  if (registry) console.log(`电子证照: ${registry}.`);
  for (const name of APPS)
    console.log(`  ${name.padEnd(12)} http://127.0.0.1:${HUB_PORTS[name]}  (/health/ready, /metrics)`);
  console.log(
    `  Kafka        ${infra.brokers.join(',')}\n  PostgreSQL   ${infra.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
  );
  console.log(`  Logs         ${logDir}`);
  console.log(`  Credentials  ${credentialsFile}  (demo systems of SPJ, SCJG and YJJ, and the hub admin)`);
  if (people.length > 0) {
    console.log(`  People       ${people.map((p) => p.username).join(', ')}  (passwords in the same file)`);
  }
  console.log(
    '               approval, supervision, inspection and console through the gateway: /v1/approval/…, /v1/supervision/…,\n' +
      '               /v1/console/… (the console: the hub admin, 信息化中心)',
  );
  console.log('Press Ctrl-C to stop.');
  const firstExit = await Promise.race(apps.map(async (app) => ({ app, code: await app.exited })));
  if (stopping) return; // Ctrl-C: the apps are exiting because we asked them to
  console.error(`${firstExit.app.name} exited (code ${firstExit.code}); see ${logDir}/${firstExit.app.name}.log`);
  await stop(1);
}

/**
 * The gateway's secret key and bootstrap admin credential, generated once into the git-ignored .hub/ (mode 600) and
 * kept across restarts; variables set in the environment take precedence.
 */
function gatewaySecrets(
  file: string,
): Record<'HUB_SECRET_KEY' | 'HUB_ADMIN_ACCESS_KEY_ID' | 'HUB_ADMIN_SECRET', string> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof gatewaySecrets>;
  const secrets = {
    HUB_SECRET_KEY: randomBytes(32).toString('base64'),
    HUB_ADMIN_ACCESS_KEY_ID: `AK${randomBytes(10).toString('hex').toUpperCase()}`,
    HUB_ADMIN_SECRET: `hubsk_${randomBytes(32).toString('base64url')}`,
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

function startApp(name: HubAppName, env: NodeJS.ProcessEnv, logDir: string): RunningApp {
  const log = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(
    process.execPath,
    ['-r', 'tsconfig-paths/register', path.join(ROOT, 'dist', 'apps', name, 'src', 'main.js')],
    { cwd: ROOT, env: { ...env, PORT: String(HUB_PORTS[name]) }, stdio: ['ignore', log, log] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

async function waitReady(app: RunningApp): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${app.name} exited while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${HUB_PORTS[app.name]}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${app.name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopApp(app: RunningApp): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGTERM');
  const killer = setTimeout(() => app.child.kill('SIGKILL'), 20_000);
  await app.exited;
  clearTimeout(killer);
}

const command = process.argv[2];
if (command === 'up') {
  up().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  console.error('usage: hub up');
  process.exit(2);
}
