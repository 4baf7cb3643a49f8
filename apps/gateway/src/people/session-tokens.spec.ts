import { randomBytes } from 'node:crypto';
import { CsrfTokens, newSessionToken, sessionKey } from './session-tokens';

describe('session tokens', () => {
  it('are 32 random bytes in base64url, and the gateway keeps their SHA-256 only', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(token);
    expect(sessionKey(token)).toHaveLength(32);
    expect(sessionKey(token).toString('base64url')).not.toBe(token);
  });
});

describe('CsrfTokens', () => {
  const csrf = new CsrfTokens(randomBytes(32));
  const key = sessionKey(newSessionToken());

  it("matches the session's own token, the same each time it is asked for", () => {
    expect(csrf.of(key)).toBe(csrf.of(key));
    expect(csrf.matches(key, csrf.of(key))).toBe(true);
  });

  it("refuses none, another session's, another gateway secret's, and a truncated one", () => {
    const other = sessionKey(newSessionToken());
    expect(csrf.matches(key, undefined)).toBe(false);
    expect(csrf.matches(key, ['a', 'b'])).toBe(false);
    expect(csrf.matches(key, csrf.of(other))).toBe(false);
    expect(csrf.matches(key, new CsrfTokens(randomBytes(32)).of(key))).toBe(false);
    expect(csrf.matches(key, csrf.of(key).slice(0, 20))).toBe(false);
  });
});
