import { withinStepBound } from '@hub/testing';
import { parseAuthorization, rfc3986Encode } from './hmac-signing';
import { verifyWebhook } from './webhook-signing';

// As in libs/contracts' linear-patterns.spec.ts: long runs that almost match, under a ceiling far above linear work.
const N = 50_000;

describe('the signature parsers are linear in what a caller sends', () => {
  it.each<[string, () => unknown]>([
    ['Authorization, one long parameter', () => parseAuthorization(`HUB-HMAC-SHA256 Credential=${'a'.repeat(N)}!`)],
    [
      'Authorization, long values',
      () =>
        parseAuthorization(
          `HUB-HMAC-SHA256 Credential=k, Timestamp=${'1'.repeat(N)}, Nonce=${'n'.repeat(N)}!, Signature=${'f'.repeat(N)}`,
        ),
    ],
    ['Authorization, many separators', () => parseAuthorization(`HUB-HMAC-SHA256 ${', '.repeat(N)}`)],
    ['query encoding', () => rfc3986Encode(`${"!'()*".repeat(N)}`)],
    [
      'webhook signature header',
      () => verifyWebhook({ secrets: ['s'], timestamp: '1', signature: `${'v1=, '.repeat(N)}`, body: '' }),
    ],
    [
      'webhook timestamp',
      () => verifyWebhook({ secrets: ['s'], timestamp: `${'9'.repeat(N)}x`, signature: '', body: '' }),
    ],
  ])('%s', (_name, check) => {
    expect(() => withinStepBound(check)).not.toThrow();
  });
});
