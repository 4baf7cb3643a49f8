import { ColumnIndexMigration } from './column-index';

/** Lets inbox retention find its oldest rows without scanning the inbox. */
export class InboxAppliedAt1764500000000 extends ColumnIndexMigration {
  name = 'InboxAppliedAt1764500000000';

  constructor() {
    super('inbox_applied_at', 'inbox', 'applied_at');
  }
}
