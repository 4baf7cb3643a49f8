import { DeadLetterRecordedV1, DeadLetterRecordedV1Payload } from '@hub/contracts';
import { DEAD_LETTER_NOTICE_TYPE, DeadLetterNotice } from './wire-types';

// The package stands alone, so it writes the notice out; this holds it to the contract it mirrors.
describe('the SDK’s dead-letter notice', () => {
  it('is the contract’s type, and its data the contract’s payload', () => {
    expect(DEAD_LETTER_NOTICE_TYPE).toBe(DeadLetterRecordedV1.type);
    const asSdk: DeadLetterNotice = DeadLetterRecordedV1.example;
    const asContract: DeadLetterRecordedV1Payload = asSdk;
    expect(asContract).toBe(DeadLetterRecordedV1.example);
  });
});
