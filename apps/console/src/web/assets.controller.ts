import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import { hubPaths } from '@hub/infra';

/** The console's own assets (apps/console/assets), served by the app itself: the zone's network has no CDN. */
const ASSETS: Record<string, string> = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
};

@Controller('assets')
export class AssetsController {
  private readonly files = new Map(
    Object.keys(ASSETS).map((name) => [name, readFileSync(join(hubPaths().root, 'apps', 'console', 'assets', name))]),
  );

  @Get(':name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const body = this.files.get(name);
    if (!body) throw new NotFoundException(`no asset ${name}`);
    response
      .status(200)
      .set({
        'Content-Type': ASSETS[name]!,
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(body);
  }
}
