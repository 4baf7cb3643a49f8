export * from './demo-enterprises';
