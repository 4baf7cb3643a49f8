/**
 * `npm run asyncapi`: writes docs/asyncapi.yaml from the contracts library; `npm run asyncapi -- --check` only
 * says whether the checked-in file is current (exit 1 when not). tools/asyncapi.spec.ts runs the same check in CI.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { asyncApiDocument } from '@hub/contracts';

const HEADER = '# Generated from libs/contracts by `npm run asyncapi` (tools/asyncapi.ts). Do not edit by hand.\n';

/** The repository root: the nearest folder above this file holding package.json and libs/ (run from tools/ or dist/tools/). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'libs'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const asyncApiPath = (): string => path.join(repositoryRoot(), 'docs', 'asyncapi.yaml');

export function renderAsyncApi(): string {
  return (
    HEADER +
    stringify(asyncApiDocument(), { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true })
  );
}

function main(): void {
  const file = asyncApiPath();
  const rendered = renderAsyncApi();
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (process.argv.includes('--check')) {
    if (current === rendered) return console.log(`${path.relative(process.cwd(), file)} is current`);
    console.error(`${path.relative(process.cwd(), file)} is out of date with libs/contracts: run npm run asyncapi`);
    process.exit(1);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, rendered);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) main();
