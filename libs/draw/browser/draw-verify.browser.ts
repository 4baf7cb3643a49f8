/**
 * The browser verifier of SSGK-DRAW-1, bundled by esbuild (tools/build-assets.ts) from libs/draw's own source and
 * served by the console at /assets/draw-verify.js. A page that loads it gets:
 *   <button data-draw-verify="/public/v1/draws/<id>">验证</button> and an element [data-draw-verify-output]:
 *   a click fetches the record, recomputes it here (no server help) and shows every check;
 *   window.SSGKDraw.verify(record) → Promise<DrawVerification>.
 */
import { verifyDrawRecordAsync, verifyDrawRecordWith, DRAW_CHECKS } from '../src/draw-verify';
import type { DrawCheck, DrawVerification } from '../src/draw-types';
import { nobleDrawHash } from '../src/noble-hash';
import { VERIFY_STRINGS as S } from './draw-verify.strings';
import { webCryptoHash } from './webcrypto-hash';

async function verify(record: unknown): Promise<DrawVerification> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return verifyDrawRecordAsync(record, webCryptoHash(subtle));
  // Let the page paint "running" before the synchronous recomputation holds the thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return verifyDrawRecordWith(record, nobleDrawHash);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function checkItem(check: DrawCheck, first: boolean): HTMLLIElement {
  const state = check.ok ? 'ok' : first ? 'failed draw-verify__check--first' : 'failed';
  const item = element('li', undefined, `draw-verify__check draw-verify__check--${state}`);
  item.dataset.check = check.name;
  const label = check.label ?? DRAW_CHECKS[check.name as keyof typeof DRAW_CHECKS] ?? check.name;
  item.append(
    element('span', check.ok ? '✓' : '✗', 'draw-verify__mark'),
    ' ',
    element(first ? 'strong' : 'span', `${label}（${check.name}）：${check.ok ? S.ok : S.mismatch}`),
  );
  if (first) item.append(element('span', S.firstFailure));
  if (check.detail) item.append(element('div', check.detail, 'draw-verify__detail'));
  return item;
}

function render(output: HTMLElement, verification: DrawVerification): void {
  const first = verification.firstFailure;
  output.dataset.state = verification.ok ? 'passed' : 'failed';
  output.dataset.hash = verification.hash;
  const summary = element('p', first ? S.failed(first.label ?? first.name) : S.passed, 'draw-verify__summary');
  const list = element('ul', undefined, 'draw-verify__checks');
  for (const check of verification.checks) list.append(checkItem(check, check === first));
  output.replaceChildren(summary, list, element('p', S.hash(verification.hash), 'draw-verify__hash'));
}

function say(output: HTMLElement, state: string, text: string): void {
  output.dataset.state = state;
  output.replaceChildren(element('p', text, 'draw-verify__summary'));
}

async function onClick(button: HTMLButtonElement): Promise<void> {
  const output = document.querySelector<HTMLElement>('[data-draw-verify-output]');
  if (!output) return;
  output.setAttribute('aria-live', 'polite');
  button.disabled = true;
  say(output, 'running', S.running);
  try {
    const response = await fetch(button.dataset.drawVerify!, { headers: { accept: 'application/json' } });
    if (!response.ok) return say(output, 'unreadable', S.unreadable(`HTTP ${response.status}`));
    let record: unknown;
    try {
      record = await response.json();
    } catch (error) {
      return say(output, 'unreadable', S.unreadable((error as Error).message));
    }
    render(output, await verify(record));
  } catch (error) {
    say(output, 'error', S.crashed((error as Error).message));
  } finally {
    button.disabled = false;
  }
}

declare global {
  interface Window {
    SSGKDraw: { verify(record: unknown): Promise<DrawVerification> };
  }
}

window.SSGKDraw = { verify };
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('button[data-draw-verify]');
  if (button instanceof HTMLButtonElement) void onClick(button);
});
