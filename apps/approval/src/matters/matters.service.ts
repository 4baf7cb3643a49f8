import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@hub/platform';
import { ApprovalEnv } from '../approval.env';
import { DEMO_MATTERS } from './demo-matters';
import { PutMatterDto } from './dto/put-matter.dto';
import { MatterVersion } from './entities/matter-version.entity';
import { MattersRepository } from './matters.repository';

const CATALOGUE_LOCK = 'approval:catalogue';

/** The catalogue of matters and their responsibility lists, versioned by effective date. */
@Injectable()
export class MattersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MattersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: MattersRepository,
    private readonly env: ApprovalEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.seedDemoMatters) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CATALOGUE_LOCK]);
      if ((await this.catalogue.count(manager)) > 0) return;
      await this.catalogue.insert(
        manager,
        DEMO_MATTERS.map((m) => ({ ...m, version: 1, changedBy: 'demo' })),
      );
      this.logger.log(`seeded ${DEMO_MATTERS.length} demo matters`);
    });
  }

  list(): Promise<MatterVersion[]> {
    return this.catalogue.latestOfEach(this.dataSource.manager);
  }

  async versions(code: string): Promise<MatterVersion[]> {
    const versions = await this.catalogue.versions(this.dataSource.manager, code);
    if (versions.length === 0) throw new ProblemException(404, 'not-found', `no matter ${code}`);
    return versions;
  }

  /** Adds a version; a version may not take effect before the one it follows (history is not rewritten). */
  async put(code: string, dto: PutMatterDto, department: string): Promise<MatterVersion> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${CATALOGUE_LOCK}:${code}`]);
      const latest = await this.catalogue.latest(manager, code);
      if (latest && dto.effectiveFrom < latest.effectiveFrom) {
        throw new ProblemException(
          409,
          'conflict',
          `version ${latest.version} is effective from ${latest.effectiveFrom}`,
          [
            {
              field: 'effectiveFrom',
              rule: 'notBeforePrevious',
              message: `effectiveFrom must be on or after ${latest.effectiveFrom}`,
            },
          ],
        );
      }
      const row = {
        matterCode: code,
        version: (latest?.version ?? 0) + 1,
        name: dto.name,
        reformMode: dto.reformMode,
        category: dto.category ?? null,
        effectiveFrom: dto.effectiveFrom,
        pushWorkdays: dto.pushWorkdays,
        claimWorkdays: dto.claimWorkdays,
        supervisionWorkdays: dto.supervisionWorkdays,
        departments: dto.departments,
        changedBy: department,
      };
      await this.catalogue.insert(manager, [row]);
      return (await this.catalogue.latest(manager, code))!;
    });
  }
}
