import { parseCookies } from './cookies';
import { localPath } from './html';

describe('parseCookies', () => {
  it('reads each cookie of the header, the first of a name twice sent winning', () => {
    expect(parseCookies('hub_session=abc; other="q%20r"; hub_session=later; broken; =x')).toEqual({
      hub_session: 'abc',
      other: 'q r',
    });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('a=%E0%A4%A')).toEqual({ a: '%E0%A4%A' });
  });
});

describe('localPath', () => {
  it('goes back only to a path of this console', () => {
    expect(localPath('/ledger?department=SCJG')).toBe('/ledger?department=SCJG');
    expect(localPath('//evil.example/x')).toBe('/');
    expect(localPath('/\\evil.example')).toBe('/');
    expect(localPath('https://evil.example/')).toBe('/');
    expect(localPath(undefined)).toBe('/');
  });
});
