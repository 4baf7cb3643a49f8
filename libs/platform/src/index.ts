export * from './hub-app';
export * from './run-main';
export * from './problem-details';
export * from './periodic-job';
export * from './retention.job';
export * from './inbox-retention';
export * from './kafka-access';
