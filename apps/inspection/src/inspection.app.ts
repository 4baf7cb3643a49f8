import { HubAppDefinition } from '@hub/platform';
import { EnterpriseDirectory1764230500000 } from '@hub/directory';
import { InspectionCoreModule } from './inspection-core.module';
import { InspectionEnv } from './inspection.env';
import { InspectionDirectories1765200000000 } from './migrations/1765200000000-inspection-directories';
import { InspectionPlans1765200100000 } from './migrations/1765200100000-inspection-plans';
import { PlansModule } from './plans/plans.module';
import { PublicModule } from './public/public.module';
import { ResultsModule } from './results/results.module';

/**
 * 双随机、一公开: 一单两库 (the item list, the target and inspector directories), plans, verifiable draws
 * (SSGK-DRAW-1), tasks to the departments, results and their publication. The enterprise directory it started with
 * became its target directory (the first migration is kept: deployed schemas have applied it).
 */
export const inspectionApp: HubAppDefinition = {
  name: 'inspection',
  modules: [InspectionCoreModule, PlansModule, ResultsModule, PublicModule],
  entities: [],
  migrations: [EnterpriseDirectory1764230500000, InspectionDirectories1765200000000, InspectionPlans1765200100000],
  env: InspectionEnv,
};
