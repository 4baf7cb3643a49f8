export * from './demo-enterprises';
export * from './demo-entitlements';
