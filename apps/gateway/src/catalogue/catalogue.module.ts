import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';

@Module({
  controllers: [CatalogueController],
  providers: [{ provide: CatalogueService, useFactory: () => new CatalogueService() }],
  exports: [CatalogueService],
})
export class CatalogueModule {}
