import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentSystem } from './department-system.entity';

/**
 * One access key id and its secret, sealed (AES-256-GCM). A credential is active until it is revoked or, after a
 * rotation, until `expiresAt` (the overlap during which the system switches to its new credential).
 */
@Entity({ name: 'credential' })
@Index('ix_credential_system', ['systemId'])
export class Credential {
  @PrimaryColumn({ name: 'access_key_id', type: 'text' })
  accessKeyId!: string;

  @Column({ name: 'system_id', type: 'uuid' })
  systemId!: string;

  @ManyToOne(() => DepartmentSystem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'system_id', foreignKeyConstraintName: 'fk_credential_system' })
  system?: DepartmentSystem;

  @Column({ name: 'sealed_secret', type: 'bytea' })
  sealedSecret!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
