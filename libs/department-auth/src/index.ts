export * from './department-auth.env';
export * from './department-auth.guard';
export * from './department-auth.module';
export * from './department-credentials';
