import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

export interface BrowserRun {
  hash: string;
  ok: boolean;
  /** Fetching the record and JSON.parse, in the page. */
  fetchParseMs: number;
  /** window.SSGKDraw.verify(record): every check recomputed. */
  verifyMs: number;
  /** Chromium's performance.memory after the run (MiB; coarse by design). */
  usedJsHeapMiB?: number;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><script src="/assets/draw-verify.js"></script>`;

/** The built verifier (dist/assets/draw-verify.js) on a record served from loopback, with WebCrypto and without. */
export async function timeBrowserVerify(recordJson: Buffer): Promise<BrowserRun[]> {
  const bundle = readFileSync(path.resolve(__dirname, '..', '..', 'assets', 'draw-verify.js'));
  const server = createServer((request, response) => {
    if (request.url === '/assets/draw-verify.js') response.writeHead(200, { 'content-type': 'text/javascript' });
    else if (request.url === '/record.json') response.writeHead(200, { 'content-type': 'application/json' });
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      request.url === '/assets/draw-verify.js' ? bundle : request.url === '/record.json' ? recordJson : PAGE,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const runs: BrowserRun[] = [];
    for (const withoutWebCrypto of [false, true]) {
      const context = await browser.newContext();
      // A page over plain HTTP has no crypto.subtle: the verifier falls back to @noble/hashes.
      if (withoutWebCrypto) await context.addInitScript(() => delete (Crypto.prototype as { subtle?: unknown }).subtle);
      const page = await context.newPage();
      await page.goto(base);
      runs.push(
        await page.evaluate(async () => {
          const started = performance.now();
          const record: unknown = await (await fetch('/record.json')).json();
          const parsed = performance.now();
          const verifier = (window as unknown as { SSGKDraw: { verify(r: unknown): Promise<BrowserRun> } }).SSGKDraw;
          const verification = await verifier.verify(record);
          const verifyMs = performance.now() - parsed;
          const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
          return {
            hash: verification.hash,
            ok: verification.ok,
            fetchParseMs: Math.round(parsed - started),
            verifyMs: Math.round(verifyMs),
            usedJsHeapMiB: memory ? Math.round(memory.usedJSHeapSize / 2 ** 20) : undefined,
          };
        }),
      );
      await context.close();
    }
    return runs;
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
