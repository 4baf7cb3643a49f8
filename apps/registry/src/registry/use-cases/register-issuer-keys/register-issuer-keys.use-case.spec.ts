import { EXAMPLE_ISSUER_KEY } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import type { Clock } from '@hub/workdays';
import { FakeRegistry, fixedClock } from '../../testing/registry-fakes';
import { RegisterIssuerKeys } from './register-issuer-keys.use-case';

const ISSUER = '11220000013544541J';
const P256 = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEA1qTJ56uX0ko5xsKzRocxpcPNa2F
vfpTwXEJtChLIkHB9drwnQInW3Fzu5CGxEDAV029RAUUuWOR/dpaM1iu0Q==
-----END PUBLIC KEY-----
`;

describe('RegisterIssuerKeys', () => {
  let fake: FakeRegistry;
  let useCase: RegisterIssuerKeys;
  const refusal = async (work: Promise<unknown>) => {
    const error = (await work.catch((e: unknown) => e)) as ProblemException;
    expect(error).toBeInstanceOf(ProblemException);
    return { status: error.getStatus(), errors: error.errors };
  };

  beforeEach(() => {
    fake = new FakeRegistry();
    useCase = new RegisterIssuerKeys(fake.dataSource, fake.repository, fixedClock(new Date()) as Clock, fake.gaps);
  });

  it('keeps an SM2 key with its point, for the department that registered it', async () => {
    const row = await useCase.register(ISSUER, EXAMPLE_ISSUER_KEY, 'SPJ', 'SPJ/licences');
    expect(row).toMatchObject({
      issuer: ISSUER,
      department: 'SPJ',
      publicKeyHex: expect.stringMatching(/^04[0-9a-f]{128}$/),
    });
  });

  it('refuses a key that is no SM2 key, and an issuer that is no 统一社会信用代码, naming the field', async () => {
    expect(await refusal(useCase.register(ISSUER, P256, 'SPJ', 'x'))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'publicKeyPem', rule: 'isSm2PublicKey' })],
    });
    expect(await refusal(useCase.register('ABC', EXAMPLE_ISSUER_KEY, 'SPJ', 'x'))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'issuer', rule: 'isUscc' })],
    });
  });

  it('lets no other department replace an issuer’s key', async () => {
    await useCase.register(ISSUER, EXAMPLE_ISSUER_KEY, 'SPJ', 'x');
    expect(await refusal(useCase.register(ISSUER, EXAMPLE_ISSUER_KEY, 'SCJG', 'x'))).toMatchObject({
      status: 409,
      errors: [expect.objectContaining({ field: 'issuer', rule: 'ownIssuer' })],
    });
  });
});
