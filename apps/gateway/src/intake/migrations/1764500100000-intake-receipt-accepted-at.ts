import { ColumnIndexMigration } from '@hub/messaging';

/** Lets receipt retention find its oldest receipts without scanning them all. */
export class IntakeReceiptAcceptedAt1764500100000 extends ColumnIndexMigration {
  name = 'IntakeReceiptAcceptedAt1764500100000';

  constructor() {
    super('intake_receipt_accepted_at', 'intake_receipt', 'accepted_at');
  }
}
