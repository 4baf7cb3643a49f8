import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReformMode } from '@hub/contracts';

/**
 * One version of a matter (事项) and its responsibility list (权责清单: the supervising departments). A change is a
 * new version effective from a date; a decision is pushed by the version in force on its decision date.
 */
@Entity({ name: 'matter_version' })
export class MatterVersion {
  @PrimaryColumn({ name: 'matter_code', type: 'text' })
  matterCode!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'reform_mode', type: 'text' })
  reformMode!: ReformMode;

  /** 证照分离 reform category as the catalogue lists it, e.g. 实行告知承诺, 优化审批服务. */
  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'push_workdays', type: 'integer' })
  pushWorkdays!: number;

  @Column({ name: 'claim_workdays', type: 'integer' })
  claimWorkdays!: number;

  @Column({ name: 'supervision_workdays', type: 'integer' })
  supervisionWorkdays!: number;

  /** The supervising departments; empty: the matter's approvals wait for the coordinator. */
  @Column({ type: 'text', array: true })
  departments!: string[];

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
