import { Module } from '@nestjs/common';
import { InspectorsRepository } from './inspectors.repository';
import { ItemsRepository } from './items.repository';
import { TargetsRepository } from './targets.repository';
import { ImportCsvController } from './use-cases/import-csv/import-csv.controller';
import { ImportCsv } from './use-cases/import-csv/import-csv.use-case';
import { ImportJobsRepository } from './use-cases/import-csv/import-jobs.repository';
import { ManageInspectorsController } from './use-cases/manage-inspectors/manage-inspectors.controller';
import { ManageItemsController } from './use-cases/manage-items/manage-items.controller';
import { ReadTargetsController } from './use-cases/read-targets/read-targets.controller';
import { ReceiveRegisterConsumer } from './use-cases/receive-register/receive-register.consumer';
import { ReceiveRegister } from './use-cases/receive-register/receive-register.use-case';

/** 一单两库: the item list, the target directory and the inspector directory, with their imports. */
@Module({
  controllers: [
    ReceiveRegisterConsumer,
    ImportCsvController,
    ManageItemsController,
    ManageInspectorsController,
    ReadTargetsController,
  ],
  providers: [
    TargetsRepository,
    ItemsRepository,
    InspectorsRepository,
    ImportJobsRepository,
    ReceiveRegister,
    ImportCsv,
  ],
  exports: [TargetsRepository, ItemsRepository, InspectorsRepository],
})
export class DirectoriesModule {}
