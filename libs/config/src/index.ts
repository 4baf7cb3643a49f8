export * from './hub-env';
export * from './published-secrets';
