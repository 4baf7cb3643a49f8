export * from './hub-env';
