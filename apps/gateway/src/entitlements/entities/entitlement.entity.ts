import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department may receive events of this type: the condition of every subscription to it. */
@Entity({ name: 'entitlement' })
export class Entitlement {
  @PrimaryColumn({ type: 'text' })
  department!: string;

  @PrimaryColumn({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' })
  grantedAt!: Date;
}
