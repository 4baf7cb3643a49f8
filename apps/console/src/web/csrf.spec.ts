import { ProblemException } from '@hub/platform';
import { checkCsrf } from './csrf';

describe('checkCsrf', () => {
  const refusal = (expected: string | undefined, sent: unknown): ProblemException | undefined => {
    try {
      checkCsrf(expected, sent);
      return undefined;
    } catch (error) {
      return error as ProblemException;
    }
  };

  it('lets a form through with the session’s token', () => {
    expect(refusal('token-of-the-session', 'token-of-the-session')).toBeUndefined();
  });

  it.each([
    ['another token', 'token-of-the-session', 'token-of-another-session'],
    ['a prefix of it', 'token-of-the-session', 'token-of'],
    ['none', 'token-of-the-session', undefined],
    ['an empty one', 'token-of-the-session', ''],
    ['a list of them', 'token-of-the-session', ['token-of-the-session']],
    ['one when the session has none', undefined, 'token-of-the-session'],
  ])('refuses %s with 403 naming the csrf field', (_case, expected, sent) => {
    const problem = refusal(expected, sent);
    expect(problem).toBeInstanceOf(ProblemException);
    expect(problem!.getStatus()).toBe(403);
    expect(problem!.problemType).toBe('csrf');
    expect(problem!.errors).toEqual([expect.objectContaining({ field: 'csrf', rule: 'matchesSession' })]);
  });
});
