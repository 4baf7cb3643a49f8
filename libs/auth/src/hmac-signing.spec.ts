import {
  canonicalQuery,
  canonicalRequest,
  isFresh,
  parseAuthorization,
  randomNonce,
  requestSignature,
  sha256Hex,
  signRequest,
  verifyRequestSignature,
} from './hmac-signing';

// The vectors of spec/HTTP-SIGNING.md, byte for byte.
const SECRET = 'demo-secret-SPJ-0001';
const BODY =
  '{"specversion":"1.0","id":"evt-0001","source":"/departments/SPJ/systems/approval","type":"zone.approval.licence.granted.v1","subject":"91130871MA0CXQ123U","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","data":{"matterCode":"SPJ-SPXK-001"}}';
const POST = {
  method: 'POST',
  path: '/v1/events',
  timestamp: 1795766400,
  nonce: 'n-7f3a9c2e41d04b8f',
  body: Buffer.from(BODY, 'utf8'),
};
const GET = {
  method: 'GET',
  path: '/v1/subscriptions/sub-1/deliveries',
  query: 'status=failed&limit=50',
  timestamp: 1795766400,
  nonce: 'n-0000000000000001',
};

describe('HUB-HMAC-SHA256 test vectors', () => {
  it('hashes the first vector’s body', () => {
    expect(sha256Hex(POST.body)).toBe('06cb513e4a0f2b30b8118ee32eab59333d893e82d13ffa3090207213704fc78e');
  });

  it('signs the first vector', () => {
    expect(requestSignature(SECRET, POST)).toBe('c9399f9498f3ec0c5964b0e7a11f872b5def78513101240ae10f7dc47b002d4e');
    expect(canonicalRequest(POST)).toBe(
      [
        'HUB-HMAC-SHA256',
        'POST',
        '/v1/events',
        '',
        '1795766400',
        'n-7f3a9c2e41d04b8f',
        '06cb513e4a0f2b30b8118ee32eab59333d893e82d13ffa3090207213704fc78e',
      ].join('\n'),
    );
  });

  it('signs the second vector, whose query is sorted and whose body is empty', () => {
    expect(canonicalQuery(GET.query)).toBe('limit=50&status=failed');
    expect(canonicalRequest(GET).split('\n')[6]).toBe(sha256Hex(''));
    expect(requestSignature(SECRET, GET)).toBe('1565754060ff2a07363137c17d658c5ff96db22fffb8c7c2dd4cf49e64b77c33');
  });

  it('gives the same signature for the query as a string, a record or URLSearchParams', () => {
    const expected = '1565754060ff2a07363137c17d658c5ff96db22fffb8c7c2dd4cf49e64b77c33';
    expect(requestSignature(SECRET, { ...GET, query: '?limit=50&status=failed' })).toBe(expected);
    expect(requestSignature(SECRET, { ...GET, query: { status: 'failed', limit: 50 } })).toBe(expected);
    expect(requestSignature(SECRET, { ...GET, query: new URLSearchParams('status=failed&limit=50') })).toBe(expected);
  });

  it('writes the Authorization header', () => {
    expect(signRequest({ ...POST, secret: SECRET, accessKeyId: 'AKSPJDEMO0001' })).toBe(
      'HUB-HMAC-SHA256 Credential=AKSPJDEMO0001, Timestamp=1795766400, Nonce=n-7f3a9c2e41d04b8f, Signature=c9399f9498f3ec0c5964b0e7a11f872b5def78513101240ae10f7dc47b002d4e',
    );
  });
});

describe('canonicalQuery', () => {
  it.each([
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=10&a=1', 'a=1&a=10&a=2'],
    ['flag&x=', 'flag=&x='],
    ['q=%E6%89%BF%E5%BE%B7', 'q=%E6%89%BF%E5%BE%B7'],
    ['q=a b', 'q=a%20b'],
    ['q=a+b', 'q=a%2Bb'],
    ['q=%7e*', 'q=~%2A'],
    ['a=1&&b=2', 'a=1&b=2'],
    ['p=50%', 'p=50%25'],
  ])('%j → %j', (raw, canonical) => {
    expect(canonicalQuery(raw)).toBe(canonical);
  });

  it('encodes a record the way the raw query decodes', () => {
    expect(canonicalQuery({ q: '承德', tag: ['b', 'a'] })).toBe(canonicalQuery('tag=b&q=%E6%89%BF%E5%BE%B7&tag=a'));
  });
});

describe('parseAuthorization', () => {
  const good = `HUB-HMAC-SHA256 Credential=AKSPJDEMO0001, Timestamp=1795766400, Nonce=n-7f3a9c2e41d04b8f, Signature=${'a'.repeat(64)}`;

  it('reads the four parameters in any order', () => {
    expect(parseAuthorization(good)).toEqual({
      ok: true,
      authorization: {
        accessKeyId: 'AKSPJDEMO0001',
        timestamp: 1795766400,
        nonce: 'n-7f3a9c2e41d04b8f',
        signature: 'a'.repeat(64),
      },
    });
    const shuffled = `HUB-HMAC-SHA256 Signature=${'a'.repeat(64)},Nonce=n-7f3a9c2e41d04b8f,Timestamp=1795766400,Credential=AKSPJDEMO0001`;
    expect(parseAuthorization(shuffled).ok).toBe(true);
  });

  it.each([undefined, '', '   ', []])('calls %j missing', (header) => {
    expect(parseAuthorization(header as string | undefined)).toMatchObject({ ok: false, problem: 'missing-signature' });
  });

  it.each([
    ['Bearer abc', /scheme/],
    [good.replace('Credential=AKSPJDEMO0001, ', ''), /missing parameter\(s\): Credential/],
    [`${good}, Nonce=n-7f3a9c2e41d04b8f`, /more than once/],
    [`${good}, Region=cn`, /unknown parameter/],
    [good.replace('1795766400', '1795766400.5'), /Timestamp/],
    [good.replace('1795766400', '-1'), /Timestamp/],
    [good.replace('n-7f3a9c2e41d04b8f', 'short'), /Nonce/],
    [good.replace('n-7f3a9c2e41d04b8f', 'n-7f3a9c2e41d04b8f!'), /Nonce/],
    [good.replace('a'.repeat(64), 'A'.repeat(64)), /Signature/],
    [good.replace('a'.repeat(64), 'a'.repeat(63)), /Signature/],
    [good.replace('AKSPJDEMO0001', 'AK SPJ'), /./],
  ])('calls %j malformed', (header, detail) => {
    const result = parseAuthorization(header);
    expect(result).toMatchObject({ ok: false, problem: 'malformed-signature' });
    expect(!result.ok && result.detail).toMatch(detail);
  });

  it('calls two headers malformed', () => {
    expect(parseAuthorization([good, good])).toMatchObject({ ok: false, problem: 'malformed-signature' });
  });

  it('reads what signRequest writes', () => {
    const header = signRequest({ ...GET, secret: SECRET, accessKeyId: 'AK1' });
    expect(parseAuthorization(header)).toMatchObject({
      ok: true,
      authorization: { accessKeyId: 'AK1', nonce: GET.nonce },
    });
  });
});

describe('verifyRequestSignature', () => {
  const signature = requestSignature(SECRET, POST);

  it('accepts the signature under the right secret, also among several', () => {
    expect(verifyRequestSignature([SECRET], POST, signature)).toBe(true);
    expect(verifyRequestSignature(['old-secret', SECRET], POST, signature)).toBe(true);
  });

  it('refuses a wrong secret, an altered body, path, query, time or nonce', () => {
    expect(verifyRequestSignature(['demo-secret-SPJ-0002'], POST, signature)).toBe(false);
    expect(verifyRequestSignature([SECRET], { ...POST, body: BODY.replace('evt-0001', 'evt-0002') }, signature)).toBe(
      false,
    );
    expect(verifyRequestSignature([SECRET], { ...POST, path: '/v1/events:batch' }, signature)).toBe(false);
    expect(verifyRequestSignature([SECRET], { ...POST, query: 'x=1' }, signature)).toBe(false);
    expect(verifyRequestSignature([SECRET], { ...POST, timestamp: 1795766401 }, signature)).toBe(false);
    expect(verifyRequestSignature([SECRET], { ...POST, nonce: 'n-7f3a9c2e41d04b8e' }, signature)).toBe(false);
    expect(verifyRequestSignature([], POST, signature)).toBe(false);
  });

  it('refuses a signature that is not a digest', () => {
    expect(verifyRequestSignature([SECRET], POST, signature.slice(0, 62))).toBe(false);
  });
});

describe('isFresh and randomNonce', () => {
  it('allows 300 s either way, not 301', () => {
    expect(isFresh(1_000, 1_300)).toBe(true);
    expect(isFresh(1_300, 1_000)).toBe(true);
    expect(isFresh(1_000, 1_301)).toBe(false);
    expect(isFresh(1_301, 1_000)).toBe(false);
  });

  it('makes nonces the spec allows, each different', () => {
    const a = randomNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(randomNonce()).not.toBe(a);
  });
});
