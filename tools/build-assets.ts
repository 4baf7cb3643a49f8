/**
 * `npm run build`'s last step: the browser scripts bundled by esbuild into dist/assets (git-ignored), which the
 * console serves at /assets/<name>. The draw verifier is libs/draw's own source (no second implementation) with
 * @noble/hashes inside, so that a page without WebCrypto (plain HTTP) still verifies.
 */
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

export const BROWSER_ASSETS = {
  'draw-verify.js': path.join(ROOT, 'libs', 'draw', 'browser', 'draw-verify.browser.ts'),
};

export const BUILT_ASSETS_DIR = path.join(ROOT, 'dist', 'assets');

export async function buildAssets(outDir = BUILT_ASSETS_DIR): Promise<string[]> {
  const written: string[] = [];
  for (const [name, entry] of Object.entries(BROWSER_ASSETS)) {
    const outfile = path.join(outDir, name);
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      // Chromium and Firefox of the last few years, as the zone's offices run them.
      target: ['es2020'],
      minify: true,
      legalComments: 'eof',
      tsconfig: path.join(ROOT, 'libs', 'draw', 'browser', 'tsconfig.json'),
      logLevel: 'warning',
    });
    written.push(outfile);
  }
  return written;
}

if (require.main === module) {
  // Silent when it works: `npm run hub` builds first, and its output is the command's.
  buildAssets().then(
    () => undefined,
    (error: unknown) => {
      process.stderr.write(`build-assets: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
