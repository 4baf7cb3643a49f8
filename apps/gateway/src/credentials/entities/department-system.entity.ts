import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A department's system registered with the hub (e.g. 审批局's approval system); it holds credentials. */
@Entity({ name: 'department_system' })
@Unique('uq_department_system_name', ['department', 'name'])
export class DepartmentSystem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** A code of seed/departments.json. */
  @Column({ type: 'text' })
  department!: string;

  /** Unique within the department, e.g. `approval`: its events' source is `/departments/<code>/systems/<name>`. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** May use the admin API; only a system of 信息化中心 (XXHZX) may be. */
  @Column({ type: 'boolean', default: false })
  admin!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
