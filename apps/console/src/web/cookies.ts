import type { CookieOptions } from 'express';

/** The person's session token at the gateway; the console itself stores nothing of the session. */
export const SESSION_COOKIE = 'hub_session';
/** The login form's own CSRF token (double submit), before there is a session. */
export const LOGIN_CSRF_COOKIE = 'hub_login_csrf';

/** The cookies of a request (RFC 6265 `Cookie` header); a value that is not valid percent-encoding is left as sent. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? '').split(';').map((p) => p.trim())) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it as sent
    }
    if (!(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site's form sends it), Secure in production. */
export function cookieOptions(production: boolean, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: production, path: '/', ...(expires ? { expires } : {}) };
}
