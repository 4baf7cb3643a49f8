// The `hub` binary runs the compiled CLI straight from dist/ without `node -r tsconfig-paths/register`: this maps
// the @hub/* aliases onto dist before the CLI's other imports load. Imported first by hub-cli.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsconfig-paths';

const dist = path.resolve(__dirname, '..');
const tsconfig = path.resolve(dist, '..', 'tsconfig.json');
if (existsSync(tsconfig) && existsSync(path.join(dist, 'libs'))) {
  const { compilerOptions } = JSON.parse(readFileSync(tsconfig, 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: dist, paths: compilerOptions.paths });
}
