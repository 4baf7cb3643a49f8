import { Controller, Get, UseGuards } from '@nestjs/common';
import { AllowPublic, AssertionGuard } from '@hub/assertion';
import type { PublishedMatter } from '@hub/sdk';
import { MattersService } from './matters.service';

/** `GET /v1/public/matters`: the catalogue of matters and the departments that supervise each, for anyone. */
@Controller('v1/public/matters')
@UseGuards(AssertionGuard)
@AllowPublic()
export class PublicMattersController {
  constructor(private readonly matters: MattersService) {}

  @Get()
  async list(): Promise<PublishedMatter[]> {
    return (await this.matters.list()).map((m) => ({
      matterCode: m.matterCode,
      name: m.name,
      reformMode: m.reformMode,
      category: m.category,
      effectiveFrom: m.effectiveFrom,
      departments: m.departments,
    }));
  }
}
