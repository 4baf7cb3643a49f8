export * from './entities/enterprise.entity';
export * from './enterprise.repository';
export * from './enterprise-directory.module';
export * from './migrations/1764230500000-enterprise-directory';
