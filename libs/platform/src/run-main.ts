import { setFlagsFromString } from 'node:v8';
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
  if (env.HEAP_GROWING_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${env.HEAP_GROWING_PERCENT}`);
  startHubApp(definition, env).then(
    (running) => {
      // Graceful stop: the consumer finishes the batch in hand, commits and leaves its group; the relay and the
      // producer stop after it; exit 0 only if all of that succeeded.
      const stop = (): void => {
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${definition.name} did not stop cleanly: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${definition.name} failed to start: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
