import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { CreatePersonDto } from './dto/create-person.dto';
import { LoginDto } from './dto/login.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { lockoutSeconds } from './lockout';
import { hashPassword, passwordMatches, spendAsOnAPassword } from './passwords';
import { AccountRow, PeopleRepository } from './people.repository';
import { accountDisabled, accountLocked, invalidLogin, invalidSession } from './people-problems';
import { NewPersonAction, PersonActionsRepository } from './person-actions.repository';
import { rolesProblems } from './person-roles.policy';
import { CsrfTokens, newSessionToken, sessionKey } from './session-tokens';

export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
}

export interface AccountView extends PersonView {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface SessionView {
  session: string;
  csrf: string;
  expiresAt: string;
  person: PersonView;
}

/** The person behind a live session, as a guard leaves them on the request. */
export interface SessionPerson extends PersonView {
  readonly sessionKey: Buffer;
  readonly expiresAt: Date;
}

/** Who did it and from where, for the audit: a person, or an admin system (`<department>/<system>`). */
export interface Actor {
  readonly accountId: string | null;
  readonly username: string;
  readonly address: string | null;
}

/** Accounts, logins and sessions of people; every login, logout and admin change recorded in the audit. */
@Injectable()
export class PeopleService {
  readonly csrf: CsrfTokens;

  constructor(
    private readonly people: PeopleRepository,
    private readonly actions: PersonActionsRepository,
    private readonly env: GatewayEnv,
  ) {
    this.csrf = new CsrfTokens(env.secretKey);
  }

  /**
   * 201 with a new session; 401 for an unknown username or a wrong password alike; 423 while locked (the password
   * not even checked); 403 for a disabled account, once the password is right.
   */
  async login(dto: LoginDto, address: string | null): Promise<SessionView> {
    const username = dto.username.toLowerCase();
    const seen = (action: NewPersonAction['action'], status: number, accountId: string | null = null) =>
      this.actions.record({
        action,
        accountId,
        username,
        method: 'POST',
        path: '/v1/people/sessions',
        status,
        address,
      });
    const account = await this.people.findByUsername(username);
    if (!account) {
      await spendAsOnAPassword(dto.password);
      await seen('login-failed', 401);
      throw invalidLogin();
    }
    const locked = await this.people.lockedFor(account.id);
    if (locked > 0) {
      await seen('login-locked', 423, account.id);
      throw accountLocked(locked);
    }
    if (!(await passwordMatches(account.passwordHash, dto.password))) {
      await this.people.recordFailure(account.id, lockoutSeconds);
      const lockedNow = await this.people.lockedFor(account.id);
      await seen(lockedNow > 0 ? 'login-locked' : 'login-failed', lockedNow > 0 ? 423 : 401, account.id);
      throw lockedNow > 0 ? accountLocked(lockedNow) : invalidLogin();
    }
    if (account.disabledAt !== null) {
      await seen('login-disabled', 403, account.id);
      throw accountDisabled();
    }
    await this.people.recordSuccess(account.id);
    const token = newSessionToken();
    const key = sessionKey(token);
    const expiresAt = await this.people.startSession(
      key,
      account.id,
      this.env.PEOPLE_SESSION_IDLE_MINUTES,
      this.env.PEOPLE_SESSION_MAX_HOURS,
    );
    await seen('login', 201, account.id);
    return { session: token, csrf: this.csrf.of(key), expiresAt: expiresAt.toISOString(), person: personView(account) };
  }

  /** The person of a live session (its idle time-out restarted), or 401 `invalid-session`. */
  async authenticate(token: string | string[] | undefined): Promise<SessionPerson> {
    if (typeof token !== 'string' || token.length < 43 || token.length > 128) throw invalidSession();
    const key = sessionKey(token);
    const live = await this.people.touchSession(key, this.env.PEOPLE_SESSION_IDLE_MINUTES);
    if (!live) throw invalidSession();
    return {
      id: live.accountId,
      username: live.username,
      displayName: live.displayName,
      department: live.department,
      roles: live.roles,
      sessionKey: key,
      expiresAt: live.expiresAt,
    };
  }

  current(person: SessionPerson): Omit<SessionView, 'session'> {
    return {
      person: personView(person),
      expiresAt: person.expiresAt.toISOString(),
      csrf: this.csrf.of(person.sessionKey),
    };
  }

  async logout(person: SessionPerson, address: string | null): Promise<void> {
    await this.people.endSession(person.sessionKey);
    await this.actions.record({
      action: 'logout',
      accountId: person.id,
      username: person.username,
      method: 'DELETE',
      path: '/v1/people/sessions/current',
      status: 204,
      address,
    });
  }

  async list(): Promise<AccountView[]> {
    return (await this.people.list()).map(accountView);
  }

  async create(dto: CreatePersonDto, actor: Actor): Promise<AccountView> {
    const username = dto.username.toLowerCase();
    checkRoles(dto.department, dto.roles);
    const passwordHash = await hashPassword(dto.password);
    const id = randomUUID();
    return this.people.transaction(async (manager) => {
      const fresh = await this.people.insert(manager, { ...dto, id, username, passwordHash });
      if (!fresh) {
        throw new ProblemException(409, 'conflict', `the username ${username} is taken`, [
          { field: 'username', rule: 'unique', message: 'choose another username' },
        ]);
      }
      const created = (await this.people.find(manager, id))!;
      await this.audit(manager, actor, 'POST', '/v1/admin/people', 201, `created ${describe(created)}`);
      return accountView(created);
    });
  }

  async update(id: string, dto: UpdatePersonDto, actor: Actor): Promise<AccountView> {
    return this.people.transaction(async (manager) => {
      const account = await this.found(manager, id);
      if (dto.roles) checkRoles(account.department, dto.roles);
      await this.people.update(manager, id, dto);
      if (dto.disabled === true) await this.people.endSessionsOf(manager, id);
      const updated = (await this.people.find(manager, id))!;
      const changes = Object.entries(dto)
        .map(([field, value]) => `${field}=${JSON.stringify(value)}`)
        .join(', ');
      await this.audit(manager, actor, 'PATCH', `/v1/admin/people/${id}`, 200, `${account.username}: ${changes}`);
      return accountView(updated);
    });
  }

  /** A new password: the account's sessions end and its lockout is lifted. */
  async setPassword(id: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.people.transaction(async (manager) => {
      const account = await this.found(manager, id);
      await this.people.update(manager, id, { passwordHash });
      await this.people.endSessionsOf(manager, id);
      await this.audit(
        manager,
        actor,
        'POST',
        `/v1/admin/people/${id}/password`,
        204,
        `${account.username}: password set`,
      );
    });
  }

  private async found(manager: Parameters<PeopleRepository['find']>[0], id: string): Promise<AccountRow> {
    const account = await this.people.find(manager, id);
    if (!account) throw new ProblemException(404, 'not-found', `no account ${id}`);
    return account;
  }

  private audit(
    manager: Parameters<PeopleRepository['find']>[0],
    actor: Actor,
    method: string,
    path: string,
    status: number,
    detail: string,
  ): Promise<void> {
    return this.actions.record({ action: 'admin', ...actor, method, path, status, detail }, manager);
  }
}

function checkRoles(department: string, roles: readonly string[]): void {
  const problems = rolesProblems(department, roles);
  if (problems.length > 0) {
    throw new ProblemException(400, 'invalid-request', "the roles do not fit the account's department", problems);
  }
}

function personView(account: PersonView): PersonView {
  const { id, username, displayName, department, roles } = account;
  return { id, username, displayName, department, roles };
}

function accountView(account: AccountRow): AccountView {
  const locked = account.lockedUntil !== null && account.lockedUntil.getTime() > Date.now();
  return {
    ...personView(account),
    disabled: account.disabledAt !== null,
    lockedUntil: locked ? account.lockedUntil!.toISOString() : null,
    createdAt: account.createdAt.toISOString(),
  };
}

function describe(account: AccountRow): string {
  return `${account.username} (${account.department}: ${account.roles.join(', ')})`;
}
