import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A nonce a credential has used, kept until its request could no longer pass the timestamp window, so that every
 * replica refuses a replay (spec/HTTP-SIGNING.md: "nonce not seen for this credential within the window").
 */
@Entity({ name: 'request_nonce' })
@Index('ix_request_nonce_expires', ['expiresAt'])
export class RequestNonce {
  @PrimaryColumn({ name: 'access_key_id', type: 'text' })
  accessKeyId!: string;

  @PrimaryColumn({ type: 'text' })
  nonce!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
