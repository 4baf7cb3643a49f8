import { HubEnv, loadEnv } from '@hub/config';
import { HUB_PORTS, HubAppDefinition, startHubApp } from './hub-app';

/** The whole of an app's main.ts: validate the environment, boot, exit non-zero if either fails. */
export function runHubMain(definition: HubAppDefinition): void {
  let env: HubEnv;
  try {
    env = loadEnv(definition.env ?? HubEnv, process.env, {
      PORT: HUB_PORTS[definition.name],
      INSTANCE_ID: `${process.pid}`,
    });
  } catch (error) {
    process.stderr.write(`${definition.name}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  startHubApp(definition, env).catch((error: unknown) => {
    process.stderr.write(`${definition.name} failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
