import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const PAYLOAD_VISIBILITIES = ['masked', 'off'] as const;
/** `masked`: the payload with its personal data masked (the default); `off`: no payload at all. */
export type PayloadVisibility = (typeof PAYLOAD_VISIBILITIES)[number];

/** An administrator's setting of whether a role may open dead letters' payloads. A role without a row: masked. */
@Entity({ name: 'payload_visibility' })
@Check('payload_visibility_kind', `"visibility" IN ('masked', 'off')`)
export class PayloadVisibilitySetting {
  @PrimaryColumn({ type: 'text' })
  role!: string;

  @Column({ type: 'text' })
  visibility!: PayloadVisibility;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
