export * from './isolated-env';
export * from './eventually';
export * from './kafka-probe';
export * from './apply-log';
export * from './app-process';
export * from './webhook-receiver';
export * from './signed-call';
export * from './broker-diagnostics';
