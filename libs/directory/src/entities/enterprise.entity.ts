import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EnterpriseStatus = 'active' | 'deregistered';

/** An app's own projection of the zone's enterprise register, rebuilt from Kafka at will. */
@Entity({ name: 'enterprise' })
export class Enterprise {
  @PrimaryColumn({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'legal_representative', type: 'text' })
  legalRepresentative!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'industry_code', type: 'text' })
  industryCode!: string;

  @Column({ name: 'established_on', type: 'date' })
  establishedOn!: string;

  @Column({ name: 'registered_capital_yuan', type: 'bigint', nullable: true })
  registeredCapitalYuan!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: EnterpriseStatus;

  @Column({ name: 'deregistered_on', type: 'date', nullable: true })
  deregisteredOn!: string | null;

  /** The event that last changed this row, for tracing a value back to its source. */
  @Column({ name: 'last_event_id', type: 'text' })
  lastEventId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
