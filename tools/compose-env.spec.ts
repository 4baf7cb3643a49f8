import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { isPublishedSecret } from '@hub/config';
import { APP_NAMES, kafkaRoles } from '@hub/contracts';
import { composeEnv, composeKafkaCredentials, kafkaPasswordVariable } from './compose-env';

const COMPOSE_FILE = path.resolve(__dirname, '..', 'docker-compose.yml');
const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const variables = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('compose-env', () => {
  it('generates every variable docker-compose.yml requires, each random and none published', () => {
    const required = [...composeText.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]);
    const first = variables(composeEnv());
    const second = variables(composeEnv());
    expect(required.length).toBeGreaterThan(10);
    for (const name of required) expect(first.get(name)).toBeTruthy();
    for (const [name, value] of first) {
      expect(isPublishedSecret(value)).toBe(false);
      if (name !== 'HUB_ADMIN_ACCESS_KEY_ID') expect(second.get(name)).not.toBe(value);
    }
  });

  it('names a Kafka principal for every app and department, the passwords the apps sign in with', () => {
    const env = Object.fromEntries(variables(composeEnv()));
    const credentials = composeKafkaCredentials(env);
    expect(Object.keys(credentials.principals).sort()).toEqual(['admin', ...kafkaRoles()].sort());
    expect(credentials.principals.spj.username).toBe('hub-spj');
    const services = (parse(composeText) as { services: Record<string, { environment: Record<string, string> }> })
      .services;
    for (const app of APP_NAMES) {
      expect(services[app].environment.KAFKA_SASL_USERNAME).toBe(credentials.principals[app].username);
      expect(services[app].environment.KAFKA_SASL_PASSWORD).toContain(`\${${kafkaPasswordVariable(app)}:?`);
    }
    expect(() => composeKafkaCredentials({})).toThrow(/KAFKA_PASSWORD_ADMIN is not set/);
  });
});

const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

// CI installs docker-compose (tools/ci-deps.sh); without it there is nothing to run the file through.
(dockerCompose ? describe : describe.skip)('docker-compose.yml with and without its .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-compose-'));
    copyFileSync(COMPOSE_FILE, path.join(dir, 'docker-compose.yml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // Only PATH: a variable of the caller's environment must not stand in for the .env.
  const config = () =>
    spawnSync('docker-compose', ['config', '-q'], { cwd: dir, env: { PATH: process.env.PATH }, encoding: 'utf8' });

  it('is valid with a generated .env', () => {
    writeFileSync(path.join(dir, '.env'), composeEnv());
    const result = config();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses to run without it, naming a missing variable and how to make it', () => {
    const result = config();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /Missing mandatory value.*\$\{KAFKA_PASSWORD_ADMIN:\?run `npm run compose:env` to generate .env\}/s,
    );
  });
});
