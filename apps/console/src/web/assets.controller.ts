import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import { hubPaths } from '@hub/infra';

/** The console's own assets (apps/console/assets), served by the app itself: the zone's network has no CDN. */
const ASSETS: Record<string, string> = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
};

/**
 * Scripts bundled by `npm run build` from the libraries' source (tools/build-assets.ts) into dist/assets: the draw
 * verifier is libs/draw itself, run in the visitor's browser.
 */
const BUILT: Record<string, string> = {
  'draw-verify.js': 'text/javascript; charset=utf-8',
};

@Controller('assets')
export class AssetsController {
  private readonly files = new Map(
    Object.keys(ASSETS).map((name) => [name, readFileSync(join(hubPaths().root, 'apps', 'console', 'assets', name))]),
  );
  private readonly built = new Map(
    Object.keys(BUILT).flatMap((name): [string, Buffer][] => {
      const file = join(hubPaths().root, 'dist', 'assets', name);
      return existsSync(file) ? [[name, readFileSync(file)]] : [];
    }),
  );

  @Get(':name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const body = this.files.get(name) ?? this.built.get(name);
    if (!body && BUILT[name]) throw new NotFoundException(`no asset ${name}: it is built by \`npm run build\``);
    if (!body) throw new NotFoundException(`no asset ${name}`);
    response
      .status(200)
      .set({
        'Content-Type': ASSETS[name] ?? BUILT[name]!,
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(body);
  }
}
