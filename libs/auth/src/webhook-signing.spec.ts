import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook, webhookRequestHeaders } from './webhook-signing';

const SECRET = 'whsec-demo-0001';
const BODY = '{"specversion":"1.0","id":"evt-0001"}';

describe('webhook signing', () => {
  it('signs timestamp + "." + body, v1=hex', () => {
    const expected = createHmac('sha256', SECRET).update(`1795766400.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, 1795766400, BODY)).toBe(`v1=${expected}`);
    expect(signWebhook(SECRET, '1795766400', Buffer.from(BODY))).toBe(`v1=${expected}`);
  });

  it('writes the three headers', () => {
    expect(webhookRequestHeaders({ secret: SECRET, deliveryId: 'd-1', body: BODY, timestamp: 1795766400 })).toEqual({
      'Hub-Delivery-Id': 'd-1',
      'Hub-Timestamp': '1795766400',
      'Hub-Signature': signWebhook(SECRET, 1795766400, BODY),
    });
  });

  const check = (change: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({
      secrets: [SECRET],
      timestamp: '1795766400',
      signature: signWebhook(SECRET, 1795766400, BODY),
      body: BODY,
      now: 1795766400 + 100,
      ...change,
    });

  it('accepts a fresh delivery signed with one of the secrets, among several signatures', () => {
    expect(check()).toEqual({ ok: true, timestamp: 1795766400 });
    expect(check({ secrets: ['other', SECRET] }).ok).toBe(true);
    expect(check({ signature: `v1=${'0'.repeat(64)}, ${signWebhook(SECRET, 1795766400, BODY)}` }).ok).toBe(true);
  });

  it('refuses a stale, altered, wrongly keyed or malformed delivery', () => {
    expect(check({ now: 1795766400 + 301 })).toMatchObject({ ok: false, reason: 'stale' });
    expect(check({ body: `${BODY} ` })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(check({ secrets: ['other'] })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(check({ timestamp: '1795766401' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(check({ timestamp: undefined })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(check({ signature: 'v0=abc' })).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
