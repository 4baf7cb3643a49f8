import { Module } from '@nestjs/common';
import { AssertionModule } from '@hub/assertion';
import { Clock } from '@hub/workdays';
import { RegistryEnv } from '../registry.env';
import { GapBook } from './gap-book';
import { RegistryRepository } from './registry.repository';
import { RegistryScheduler } from './registry.scheduler';
import { CatalogueController } from './use-cases/manage-catalogue/catalogue.controller';
import { ManageCatalogue } from './use-cases/manage-catalogue/manage-catalogue.use-case';
import { LicencesController } from './use-cases/query-licences/licences.controller';
import { QueryLicences } from './use-cases/query-licences/query-licences.use-case';
import { MeasuresController } from './use-cases/read-measures/measures.controller';
import { ReadMeasures } from './use-cases/read-measures/read-measures.use-case';
import { ReceiveGrantsConsumer } from './use-cases/receive-grants/receive-grants.consumer';
import { ReceiveGrants } from './use-cases/receive-grants/receive-grants.use-case';
import { RecordLicencesConsumer } from './use-cases/record-licences/record-licences.consumer';
import { RecordLicences } from './use-cases/record-licences/record-licences.use-case';
import { RecordSealsConsumer } from './use-cases/record-seals/record-seals.consumer';
import { RecordSeals } from './use-cases/record-seals/record-seals.use-case';
import { IssuerKeysController } from './use-cases/register-issuer-keys/issuer-keys.controller';
import { RegisterIssuerKeys } from './use-cases/register-issuer-keys/register-issuer-keys.use-case';
import { WatchSealWindows } from './use-cases/watch-seal-windows/watch-seal-windows.use-case';

/** 电子证照 / 电子印章: the catalogue, e-licences and seals, 应归尽归、实时汇聚、真实有效 and their gaps. */
@Module({
  imports: [AssertionModule.forApp('registry', RegistryEnv)],
  controllers: [
    ReceiveGrantsConsumer,
    RecordLicencesConsumer,
    RecordSealsConsumer,
    CatalogueController,
    IssuerKeysController,
    MeasuresController,
    LicencesController,
  ],
  providers: [
    RegistryRepository,
    GapBook,
    ReceiveGrants,
    RecordLicences,
    RecordSeals,
    WatchSealWindows,
    ManageCatalogue,
    RegisterIssuerKeys,
    ReadMeasures,
    QueryLicences,
    RegistryScheduler,
    Clock,
  ],
  exports: [Clock],
})
export class RegistryModule {}
