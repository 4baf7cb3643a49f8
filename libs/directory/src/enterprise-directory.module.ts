import { Module } from '@nestjs/common';
import { EnterpriseDirectoryConsumer } from './enterprise-directory.consumer';

/** The enterprise register as one app's projection, in that app's own schema. */
@Module({ controllers: [EnterpriseDirectoryConsumer] })
export class EnterpriseDirectoryModule {}
