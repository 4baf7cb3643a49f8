import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SecretBox } from '@hub/auth';
import { DEPARTMENTS, departmentByCode } from '@hub/contracts';
import { sessionClient } from '@hub/persistence';
import { ProblemException } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { CredentialCache, announceCredentialChange, credentialsChannel } from './credential-cache';
import { CredentialRow, CredentialsRepository, SystemRow } from './credentials.repository';

/** 信息化中心, the zone's information centre that runs the hub: only its systems may be admins. */
export const ADMIN_DEPARTMENT = 'XXHZX';
/** The system the bootstrap admin credential (HUB_ADMIN_ACCESS_KEY_ID) belongs to. */
export const BOOTSTRAP_ADMIN_SYSTEM = 'hub-admin';
/** Default overlap after a rotation: the old secret stays valid one day. */
export const DEFAULT_OVERLAP_SECONDS = 86_400;

/** A credential that may sign requests now, with what the gateway needs to know of its system. */
export interface ActiveCredential {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly systemId: string;
  readonly systemName: string;
  readonly department: string;
  readonly admin: boolean;
  readonly expiresAt: Date | null;
}

export type CredentialStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export interface CredentialView {
  accessKeyId: string;
  status: CredentialStatus;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface SystemView {
  id: string;
  department: string;
  name: string;
  description: string | null;
  admin: boolean;
  createdAt: string;
  credentials: CredentialView[];
}

/** Shown once, when issued: the hub keeps only the sealed secret. */
export interface IssuedCredential {
  accessKeyId: string;
  secret: string;
  createdAt: string;
}

export interface DepartmentView {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  systems: number;
}

/** Departments' systems and their credentials: registration, rotation with overlap, revocation, look-up. */
@Injectable()
export class CredentialsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CredentialsService.name);
  private readonly box: SecretBox;
  private readonly cache: CredentialCache<ActiveCredential>;

  constructor(
    private readonly repository: CredentialsRepository,
    private readonly env: GatewayEnv,
    dataSource: DataSource,
  ) {
    if (!(env instanceof GatewayEnv)) {
      throw new Error(
        'the gateway needs a GatewayEnv: boot it with toGatewayEnv(env) from apps/gateway/src/gateway.env',
      );
    }
    this.box = new SecretBox(env.secretKey);
    this.cache = new CredentialCache(
      env.GATEWAY_CREDENTIAL_CACHE_MS,
      () => sessionClient(env.DATABASE_URL, 'gateway-credentials', env.databaseTimeouts),
      credentialsChannel(dataSource),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.cache.start();
    if (this.env.HUB_SECRET_KEY === undefined) {
      this.logger.warn('HUB_SECRET_KEY is not set: credential secrets are sealed with the public development key');
    }
    const { HUB_ADMIN_ACCESS_KEY_ID: accessKeyId, HUB_ADMIN_SECRET: secret } = this.env;
    if (accessKeyId !== undefined && secret !== undefined) await this.bootstrapAdmin(accessKeyId, secret);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cache.stop();
  }

  /**
   * The credential if it may sign requests now. A replica reuses a look-up for GATEWAY_CREDENTIAL_CACHE_MS while it
   * hears the credentials channel, on which every change is announced (credential-cache.ts).
   */
  async findActive(accessKeyId: string): Promise<ActiveCredential | undefined> {
    const cached = this.cache.get(accessKeyId);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const row = await this.repository.findActive(accessKeyId);
    if (!row) return undefined;
    const secret = this.openOrUndefined(row.sealedSecret, row.accessKeyId);
    if (secret === undefined) {
      // Sealed under another HUB_SECRET_KEY (the key was replaced): unusable until rotated, like an unknown key.
      this.logger.error(`credential ${accessKeyId} cannot be unsealed with this HUB_SECRET_KEY; rotate it`);
      return undefined;
    }
    const credential: ActiveCredential = {
      accessKeyId: row.accessKeyId,
      secret,
      systemId: row.systemId,
      systemName: row.systemName,
      department: row.department,
      admin: row.admin,
      expiresAt: row.expiresAt,
    };
    // Only known credentials are cached, so unknown key ids cannot grow it.
    this.cache.set(accessKeyId, credential, ticket);
    return credential;
  }

  /** Drops this replica's copy of a credential found no longer active. */
  forget(accessKeyId: string): void {
    this.cache.forget(accessKeyId);
  }

  async departments(): Promise<DepartmentView[]> {
    const counts = await this.repository.countSystemsByDepartment();
    return DEPARTMENTS.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      kind: d.kind,
      systems: counts.get(d.code) ?? 0,
    }));
  }

  async listSystems(department?: string): Promise<SystemView[]> {
    return this.withCredentials(await this.repository.listSystems(department));
  }

  async getSystem(systemId: string): Promise<SystemView> {
    const [view] = await this.withCredentials([await this.requireSystem(systemId)]);
    return view;
  }

  /** Registers a system and issues its first credential. */
  async registerSystem(input: {
    department: string;
    name: string;
    description?: string;
    admin?: boolean;
  }): Promise<{ system: SystemView; credential: IssuedCredential }> {
    const admin = input.admin ?? false;
    if (!departmentByCode(input.department)) {
      throw new ProblemException(400, 'invalid-request', 'the request is invalid', [
        { field: 'department', rule: 'isDepartmentCode', message: `${input.department} is not a department code` },
      ]);
    }
    if (admin && input.department !== ADMIN_DEPARTMENT) {
      throw new ProblemException(400, 'invalid-request', 'the request is invalid', [
        {
          field: 'admin',
          rule: 'adminDepartment',
          message: `only systems of ${ADMIN_DEPARTMENT} (信息化中心, which runs the hub) may be admins`,
        },
      ]);
    }
    const id = randomUUID();
    const issued = await this.repository.transaction(async (manager) => {
      const inserted = await this.repository.insertSystem(manager, {
        id,
        department: input.department,
        name: input.name,
        description: input.description ?? null,
        admin,
      });
      if (!inserted) {
        throw new ProblemException(
          409,
          'system-exists',
          `${input.department} already has a system named ${input.name}`,
          [{ field: 'name', rule: 'unique', message: `a system named ${input.name} exists in ${input.department}` }],
        );
      }
      return this.issue(manager, id);
    });
    this.logger.log({
      msg: 'system registered',
      department: input.department,
      system: input.name,
      admin,
      accessKeyId: issued.accessKeyId,
    });
    return { system: await this.getSystem(id), credential: issued };
  }

  /**
   * Issues a new credential; the system's other active credentials stay valid for `overlapSeconds` more (0: they
   * stop now), so that it can switch without a gap.
   */
  async rotate(
    systemId: string,
    overlapSeconds = DEFAULT_OVERLAP_SECONDS,
  ): Promise<{ credential: IssuedCredential; previous: CredentialView[] }> {
    await this.requireSystem(systemId);
    const result = await this.repository.transaction(async (manager) => {
      const credential = await this.issue(manager, systemId);
      const previous = await this.repository.expireActive(manager, systemId, overlapSeconds, credential.accessKeyId);
      for (const row of previous) await announceCredentialChange(manager, row.accessKeyId);
      return { credential, previous };
    });
    for (const row of result.previous) this.cache.forget(row.accessKeyId);
    this.logger.log({
      msg: 'credential rotated',
      systemId,
      accessKeyId: result.credential.accessKeyId,
      overlapSeconds,
    });
    return { credential: result.credential, previous: result.previous.map(credentialView) };
  }

  async revoke(accessKeyId: string): Promise<CredentialView> {
    const row = await this.repository.transaction(async (manager) => {
      const revoked = await this.repository.revoke(manager, accessKeyId);
      if (revoked) await announceCredentialChange(manager, accessKeyId);
      return revoked;
    });
    if (!row) throw new ProblemException(404, 'unknown-credential', `there is no credential ${accessKeyId}`);
    this.cache.forget(accessKeyId);
    this.logger.log({ msg: 'credential revoked', accessKeyId });
    return credentialView(row);
  }

  private async issue(manager: EntityManager, systemId: string): Promise<IssuedCredential> {
    const accessKeyId = newAccessKeyId();
    const secret = newSecret();
    const row = await this.repository.insertCredential(
      manager,
      accessKeyId,
      systemId,
      this.box.seal(secret, accessKeyId),
    );
    return { accessKeyId, secret, createdAt: row.createdAt.toISOString() };
  }

  /**
   * Registers the configured admin credential if absent (replicas may race: both inserts are idempotent). An
   * existing credential of that id is left as it is: a revocation stays a revocation.
   */
  private async bootstrapAdmin(accessKeyId: string, secret: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      await this.repository.insertSystem(manager, {
        id: randomUUID(),
        department: ADMIN_DEPARTMENT,
        name: BOOTSTRAP_ADMIN_SYSTEM,
        description: 'the hub operators’ admin system (bootstrap credential from HUB_ADMIN_ACCESS_KEY_ID)',
        admin: true,
      });
      const system = await this.repository.findSystemByName(manager, ADMIN_DEPARTMENT, BOOTSTRAP_ADMIN_SYSTEM);
      if (!system) throw new Error('the bootstrap admin system vanished');
      const stored = await this.repository.insertCredential(
        manager,
        accessKeyId,
        system.id,
        this.box.seal(secret, accessKeyId),
      );
      if (stored.systemId !== system.id) {
        this.logger.warn(`HUB_ADMIN_ACCESS_KEY_ID ${accessKeyId} belongs to another system; not an admin`);
        return;
      }
      // The configuration is the bootstrap credential's source of truth: a changed secret or HUB_SECRET_KEY reseals it.
      if (stored.revokedAt === null && this.openOrUndefined(stored.sealedSecret, accessKeyId) !== secret) {
        await this.repository.reseal(manager, accessKeyId, this.box.seal(secret, accessKeyId));
        await announceCredentialChange(manager, accessKeyId);
        this.cache.forget(accessKeyId);
        this.logger.warn(`the bootstrap admin credential ${accessKeyId} was resealed from the configuration`);
      }
    });
  }

  private openOrUndefined(sealed: Buffer, accessKeyId: string): string | undefined {
    try {
      return this.box.open(sealed, accessKeyId);
    } catch {
      return undefined;
    }
  }

  private async requireSystem(systemId: string): Promise<SystemRow> {
    const system = /^[0-9a-f-]{36}$/.test(systemId) ? await this.repository.findSystem(systemId) : undefined;
    if (!system) throw new ProblemException(404, 'unknown-system', `there is no system ${systemId}`);
    return system;
  }

  private async withCredentials(systems: SystemRow[]): Promise<SystemView[]> {
    const credentials = await this.repository.credentialsOf(systems.map((s) => s.id));
    return systems.map((s) => ({
      id: s.id,
      department: s.department,
      name: s.name,
      description: s.description,
      admin: s.admin,
      createdAt: s.createdAt.toISOString(),
      credentials: credentials.filter((c) => c.systemId === s.id).map(credentialView),
    }));
  }
}

function credentialView(row: CredentialRow): CredentialView {
  const now = Date.now();
  const expires = row.expiresAt?.getTime();
  const status: CredentialStatus =
    row.revokedAt !== null ? 'revoked' : expires === undefined ? 'active' : expires > now ? 'expiring' : 'expired';
  return {
    accessKeyId: row.accessKeyId,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** `AK` + 20 upper-case hex digits (80 random bits): public, it names the credential in every request. */
function newAccessKeyId(): string {
  return `AK${randomBytes(10).toString('hex').toUpperCase()}`;
}

/** 256 random bits. */
function newSecret(): string {
  return `hubsk_${randomBytes(32).toString('base64url')}`;
}
