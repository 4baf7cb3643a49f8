import { Controller, Get, INestApplication, Module, NotFoundException, Param, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Response } from 'express';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import type { DrawRecord, DrawVerification } from '@hub/draw';
import { AssetsController } from '../../apps/console/src/web/assets.controller';
import { copy, drawCase, recordOf } from '../../libs/draw/src/testing/draw-arbitraries';
import fc from 'fast-check';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
const vector = JSON.parse(
  readFileSync(path.join(ROOT, 'libs', 'draw', 'test-vectors', 'ssgk-draw-1-vector.json'), 'utf8'),
) as DrawRecord;
const changed = copy(vector);
changed.targets[1]!.teams.SCJG = ['I-01', 'I-02'];
/** Records this verifier did not make: drawn by the node side from random plans. */
const drawnByNode = fc.sample(drawCase, { numRuns: 8, seed: 17 }).map(recordOf);
const RECORDS: Record<string, unknown> = {
  vector,
  changed,
  ...Object.fromEntries(drawnByNode.map((r, i) => [`node-${i}`, r])),
};

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>抽取记录</title>
<link rel="stylesheet" href="/assets/console.css"></head><body><main class="main">
<h1>抽取记录 <span id="which"></span></h1>
<button type="button" class="button" data-draw-verify="/public/v1/draws/RECORD">验证</button>
<div data-draw-verify-output></div>
<script src="/assets/draw-verify.js"></script></main></body></html>`;

/** A stand-in for the console's public draw page (built by the inspection work): the button, the output, the script. */
@Controller()
class DrawPageStub {
  @Get('draws/:id')
  page(@Param('id') id: string, @Res() response: Response): void {
    response.type('html').send(PAGE.replace('RECORD', encodeURIComponent(id)));
  }

  @Get('public/v1/draws/:id')
  record(@Param('id') id: string): unknown {
    if (!(id in RECORDS)) throw new NotFoundException(`no draw ${id}`);
    return RECORDS[id];
  }
}

@Module({ controllers: [AssetsController, DrawPageStub] })
class DrawPageModule {}

/** The browser verifier (dist/assets/draw-verify.js, served by the console's AssetsController) in a real Chromium. */
describe('the draw verifier in a browser', () => {
  let app: INestApplication;
  let base: string;
  let browser: Browser;
  let step = 0;

  const shot = async (page: Page, name: string): Promise<void> => {
    step += 1;
    const file = `draw-verify-${String(step).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
  };

  const open = async (id: string, withoutWebCrypto = false): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    // As on a page served over plain HTTP, where the browser gives no crypto.subtle.
    if (withoutWebCrypto) await context.addInitScript(() => delete (Crypto.prototype as { subtle?: unknown }).subtle);
    const page = await context.newPage();
    await page.goto(`${base}/draws/${id}`);
    return { context, page };
  };

  const verifyOnPage = async (page: Page) => {
    await page.click('button[data-draw-verify]');
    const output = page.locator('[data-draw-verify-output]:not([data-state="running"])');
    await output.locator('.draw-verify__summary').waitFor();
    return {
      state: await output.getAttribute('data-state'),
      hash: await output.getAttribute('data-hash'),
      summary: await output.locator('.draw-verify__summary').textContent(),
      checks: await output
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => ({ name: (li as HTMLElement).dataset.check, text: li.textContent ?? '' })),
        ),
      strong: await output.locator('li strong').allTextContents(),
      hashLine: (await output.locator('.draw-verify__hash').allTextContents()).join(''),
    };
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await NestFactory.create(DrawPageModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is served by the console as a script', async () => {
    const response = await fetch(`${base}/assets/draw-verify.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('SSGKDraw');
  });

  it('passes the spec vector with WebCrypto on loopback, showing every check', async () => {
    const { context, page } = await open('vector');
    const result = await verifyOnPage(page);
    await shot(page, 'vector-webcrypto');
    expect(result.state).toBe('passed');
    expect(result.hash).toBe('WebCrypto');
    expect(result.summary).toBe('验证通过：每一项检查都与公布的记录相符。');
    expect(result.checks.map((c) => c.name)).toEqual([
      'record',
      'commitment',
      'candidateDigest',
      'seedHex',
      'targets',
      'teams',
    ]);
    expect(result.checks.every((c) => c.text.startsWith('✓'))).toBe(true);
    expect(result.checks[1]!.text).toContain('承诺值（commitment）：相符');
    expect(result.hashLine).toContain('WebCrypto');
    await context.close();
  });

  it('fails a record with one changed team member, highlighting the first failure', async () => {
    const { context, page } = await open('changed');
    const result = await verifyOnPage(page);
    await shot(page, 'changed-webcrypto');
    expect(result.state).toBe('failed');
    expect(result.summary).toBe('验证未通过：第一项不符的检查是“检查组”。');
    expect(result.checks.filter((c) => c.text.startsWith('✗')).map((c) => c.name)).toEqual(['teams']);
    expect(result.strong).toEqual(['检查组（teams）：不符']);
    expect(result.checks.at(-1)!.text).toContain('targets[1].teams["SCJG"]: the record has ["I-01","I-02"]');
    await context.close();
  });

  it('falls back to @noble/hashes without WebCrypto, and says so', async () => {
    for (const [id, state] of [
      ['vector', 'passed'],
      ['changed', 'failed'],
    ]) {
      const { context, page } = await open(id!, true);
      expect(await page.evaluate(() => typeof globalThis.crypto.subtle)).toBe('undefined');
      const result = await verifyOnPage(page);
      await shot(page, `${id}-noble`);
      expect(result).toMatchObject({ state, hash: '@noble/hashes' });
      expect(result.hashLine).toContain('纯 JavaScript 的 @noble/hashes');
      await context.close();
    }
  });

  it('verifies records drawn by the node side, on both hashes, through window.SSGKDraw.verify', async () => {
    for (const withoutWebCrypto of [false, true]) {
      const { context, page } = await open('vector', withoutWebCrypto);
      const results = await page.evaluate(
        (records) => Promise.all(records.map((r) => window.SSGKDraw.verify(r))),
        drawnByNode as unknown[],
      );
      expect(results.map((r: DrawVerification) => [r.ok, r.hash])).toEqual(
        drawnByNode.map(() => [true, withoutWebCrypto ? '@noble/hashes' : 'WebCrypto']),
      );
      await context.close();
    }
  });

  it('says when the record cannot be fetched', async () => {
    const { context, page } = await open('no-such-draw');
    const result = await verifyOnPage(page);
    expect(result).toMatchObject({ state: 'unreadable', summary: '无法取得抽取记录：HTTP 404' });
    await context.close();
  });
});

declare global {
  interface Window {
    SSGKDraw: { verify(record: unknown): Promise<DrawVerification> };
  }
}
