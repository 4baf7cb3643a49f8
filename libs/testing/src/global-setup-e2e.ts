import { execFileSync } from 'node:child_process';
import path from 'node:path';
import globalSetup from './global-setup';

/** End-to-end tests drive the apps as the processes `npm start` runs, so they need the build first. */
export default async function globalSetupE2e(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The browser scripts the console serves (the draw verifier), as `npm run build` makes them.
  execFileSync(process.execPath, [path.join('dist', 'tools', 'build-assets.js')], { cwd: root, stdio: 'inherit' });
  await globalSetup();
}
