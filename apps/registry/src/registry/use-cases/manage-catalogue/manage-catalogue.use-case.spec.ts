import { ProblemException } from '@hub/platform';
import { checkTypeCode } from './manage-catalogue.use-case';

describe('the catalogue’s type codes (GB/T 36904)', () => {
  it('takes a defining body’s 统一社会信用代码 followed by 3 digits', () => {
    expect(() => checkTypeCode('11100000000013338W032')).not.toThrow();
  });

  it.each(['11100000000013338W', '11100000000013338W03A', '111000000000133W032', '1110000000001333OW032'])(
    'refuses %s naming typeCode and the rule',
    (code) => {
      try {
        checkTypeCode(code);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemException);
        expect((error as ProblemException).errors).toEqual([
          expect.objectContaining({ field: 'typeCode', rule: 'isLicenceTypeCode' }),
        ]);
      }
    },
  );
});
