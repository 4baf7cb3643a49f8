import { SetMetadata } from '@nestjs/common';

export const NONCE_WITH_WORK = 'hub:nonce-with-work';

/**
 * The signed route records the request's nonce in the statement of its own work instead of one of its own before
 * it (a round trip less per request); it finds the nonce on the caller and must record it on every path.
 */
export const NonceWithWork = (): MethodDecorator & ClassDecorator => SetMetadata(NONCE_WITH_WORK, true);
