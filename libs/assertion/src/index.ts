export * from './assertion';
export * from './assertion.env';
export * from './assertion.guard';
export * from './assertion.module';
export * from './person-roles';
