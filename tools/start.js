#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then hands over to the orchestrator (dist/tools/hub.js up).
// Plain JavaScript on purpose: it must run before the project's dependencies exist.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (cmd, args, env = process.env) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci']);
}
console.log('Building…');
run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
// The browser scripts the console serves (the draw verifier, /assets/draw-verify.js), as `npm run build` makes them.
run(process.execPath, [path.join(root, 'dist', 'tools', 'build-assets.js')]);
const child = require('node:child_process').spawn(
  process.execPath,
  ['-r', 'tsconfig-paths/register', path.join(root, 'dist', 'tools', 'hub.js'), 'up', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_BASEURL: path.join(root, 'dist') } },
);
// Ctrl-C reaches the orchestrator too (same process group); wait for it to finish stopping everything.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
