import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { hubPaths } from '@hub/infra';
import { eventually } from './eventually';

// The repository, whether this runs from the sources (jest) or from dist/ (the benches).
const ROOT = hubPaths().root;

export interface AppProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful path. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Runs a built app (dist/apps/<name>) as its own process and waits until /health/ready answers 200, on `env.PORT`
 * or a free port. `nodeArgs` go to Node itself (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startAppProcess(
  name: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  const port = env.PORT === undefined ? await freePort() : Number(env.PORT);
  const { child, output, exited } = spawnApp(name, { ...env, PORT: String(port) }, nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
      const response = await fetch(`${url}/health/ready`);
      if (response.status !== 200) throw new Error(`${name} not ready: ${await response.text()}`);
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    name,
    url,
    child,
    output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The domain apps the gateway's door forwards to, by the variable that tells the gateway where each one is. */
const DOOR_APPS = {
  approval: 'APPROVAL_URL',
  supervision: 'SUPERVISION_URL',
  console: 'CONSOLE_URL',
  inspection: 'INSPECTION_URL',
  registry: 'REGISTRY_URL',
} as const;

/**
 * Each app's env for a hub of processes: the domain apps on ports picked once here (a restarted app keeps its port),
 * the gateway told where they are. `startAppProcess(name, envOf(name))`.
 */
export async function hubProcessEnv(env: Record<string, string>): Promise<(app: string) => Record<string, string>> {
  const ports: Record<string, string> = {};
  const urls: Record<string, string> = {};
  for (const [app, variable] of Object.entries(DOOR_APPS)) {
    ports[app] = String(await freePort());
    urls[variable] = `http://127.0.0.1:${ports[app]}`;
  }
  return (app) => (app === 'gateway' ? { ...env, ...urls } : app in ports ? { ...env, PORT: ports[app]! } : env);
}

/**
 * Runs a built app that should refuse to start (a bad environment): its exit code and output, once it has exited.
 * An app that does not refuse keeps running, and the test fails on its time-out.
 */
export async function appProcessExit(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { output, exited } = spawnApp(name, { PORT: '0', ...env });
  const code = await exited;
  return { code, output: output() };
}

function spawnApp(
  name: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', 'tsconfig-paths/register', path.join(ROOT, 'dist', 'apps', name, 'src', 'main.js')],
    { cwd: ROOT, env: { ...process.env, ...env, TS_NODE_BASEURL: path.join(ROOT, 'dist') } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
