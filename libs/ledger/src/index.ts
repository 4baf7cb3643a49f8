export * from './ledger-hashes';
export * from './merkle-frontier';
export * from './checkpoint';
export * from './verify-ledger';
export * from './ledger-export';
export * from './ledger-store';
