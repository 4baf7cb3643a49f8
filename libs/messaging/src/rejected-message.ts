import { FieldError, formatFieldErrors } from '@hub/contracts';

/**
 * Thrown by a handler when the message itself is unacceptable (it breaks a rule, not the infrastructure):
 * retrying cannot help, so the consumer dead-letters it at once with these errors as the reason.
 */
export class RejectedMessage extends Error {
  constructor(readonly errors: FieldError[]) {
    super(formatFieldErrors(errors));
    this.name = 'RejectedMessage';
  }
}
