export * from './hub-app';
export * from './run-main';
export * from './problem-details';
export * from './periodic-job';
