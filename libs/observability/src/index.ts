export * from './log-context';
export * from './json-logger';
export * from './hub-metrics';
export * from './health.registry';
export * from './health.controller';
export * from './observability.module';
