import { Header, applyDecorators } from '@nestjs/common';
import type { Response } from 'express';

/**
 * What every page answers with besides its HTML: nothing from elsewhere (no CDN, no inline script), never framed,
 * never cached (a page holds a person's data and a CSRF token).
 */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/** A handler that returns a rendered page. */
export const HtmlPage = () =>
  applyDecorators(...Object.entries(PAGE_HEADERS).map(([name, value]) => Header(name, value)));

export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).set(PAGE_HEADERS).send(html);
}

/** A path of this console to go back to after signing in; anything else (another site, `//host`) is the home page. */
export function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}
