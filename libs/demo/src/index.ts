export * from './demo-enterprises';
export * from './demo-entitlements';
export * from './demo-licences';
