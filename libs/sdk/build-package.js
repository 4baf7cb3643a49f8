#!/usr/bin/env node
// Builds the publishable package into libs/sdk/dist (or the directory given as the first argument): the SDK and
// the signing functions of libs/auth it uses, compiled together, with `@hub/auth` rewritten to a relative path so
// that the package needs nothing from the monorepo. Plain JavaScript so that `npm pack` runs it without a build.
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, rmSync, writeFileSync, statSync } = require('node:fs');
const path = require('node:path');

const here = __dirname;
const dist = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
const authRoot = path.join(dist, 'auth', 'src');

rmSync(dist, { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.package.json'), '--outDir', dist], {
  cwd: here,
  stdio: 'inherit',
});

for (const file of walk(dist)) {
  if (!file.endsWith('.js') && !file.endsWith('.d.ts')) continue;
  let relative = path.relative(path.dirname(file), authRoot).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(/(["'])@hub\/auth\1/g, `$1${relative}$1`);
  if (/["']@hub\//.test(rewritten))
    throw new Error(`${file} still imports another @hub/ library: the package must stand alone`);
  if (rewritten !== text) writeFileSync(file, rewritten);
}
console.log(`built ${path.relative(process.cwd(), dist) || dist}`);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
