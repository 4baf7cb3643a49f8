import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A department's token bucket at the door, shared by every gateway replica (rate-limiter.ts): its tokens when last
 * refilled (negative while a batch larger than the burst is being waited out), and when that was.
 */
@Entity({ name: 'rate_bucket' })
export class RateBucket {
  @PrimaryColumn({ type: 'text' })
  department!: string;

  @Column({ type: 'double precision' })
  tokens!: number;

  @Column({ name: 'refilled_at', type: 'timestamptz' })
  refilledAt!: Date;
}
