import type { VNode } from 'preact';
import { DEPARTMENTS } from '@hub/contracts';
import { PERSON_ROLES, ROLE_DEPARTMENTS } from '@hub/assertion';
import type { PersonAccount } from '@hub/sdk';
import { Page, formatDateTime } from '../../format';
import { CsrfField, Field, FilterForm, Layout, Notice, Pagination, TableHead, departmentName } from '../../layout';
import { LAYOUT } from '../../layout.strings';
import type { Role, WebSession } from '../../person';
import { PEOPLE } from './people.strings';

export function roleNames(roles: readonly string[]): string {
  return roles.map((r) => LAYOUT.roles[r as Role] ?? r).join('、');
}

export function accountStatus(account: PersonAccount, now = Date.now()): string {
  if (account.disabled) return PEOPLE.status.disabled;
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now) {
    return PEOPLE.status.locked(formatDateTime(account.lockedUntil));
  }
  return PEOPLE.status.active;
}

/** The role checkboxes, each saying which departments may hold it. */
export function RoleBoxes(props: { checked: readonly string[] }): VNode {
  return (
    <fieldset class="field">
      <legend>{PEOPLE.create.roles}</legend>
      {PERSON_ROLES.map((role) => {
        const only = ROLE_DEPARTMENTS[role];
        return (
          <label class="checkbox">
            <input type="checkbox" name="roles" value={role} checked={props.checked.includes(role)} />
            {LAYOUT.roles[role]}
            {only && <span class="hint">（{only.map(departmentName).join('、')}）</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

export interface PeoplePageProps {
  session: WebSession;
  query: Record<string, string | undefined>;
  accounts: Page<PersonAccount>;
  total: number;
  notice?: string;
}

export function PeoplePage(props: PeoplePageProps): VNode {
  const { session, query, accounts } = props;
  const c = PEOPLE.columns;
  const f = PEOPLE.create;
  return (
    <Layout title={PEOPLE.title} session={session} current="people">
      <h1>{PEOPLE.title}</h1>
      <Notice text={props.notice} />
      <p>{PEOPLE.intro}</p>
      <FilterForm action="/admin/people" label={PEOPLE.filter} apply={PEOPLE.apply} value={query.q} />
      <section id="accounts">
        {accounts.items.length === 0 ? (
          <p class="empty">{props.total === 0 ? PEOPLE.empty : PEOPLE.noneMatch}</p>
        ) : (
          <table class="table">
            <TableHead columns={[c.username, c.name, c.department, c.roles, c.status, c.createdAt, c.actions]} />
            <tbody>
              {accounts.items.map((a) => (
                <tr data-username={a.username}>
                  <td>{a.username}</td>
                  <td>{a.displayName}</td>
                  <td>{departmentName(a.department)}</td>
                  <td>{roleNames(a.roles)}</td>
                  <td>{accountStatus(a)}</td>
                  <td>{formatDateTime(a.createdAt)}</td>
                  <td>
                    <a href={`/admin/people/${a.id}`}>{PEOPLE.manage}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={accounts} path="/admin/people" query={query} param="page" />
      </section>
      <section id="create">
        <h2>{f.heading}</h2>
        <form method="post" action="/admin/people">
          <CsrfField session={session} />
          <Field id="username" label={f.username}>
            <input id="username" name="username" type="text" required autocomplete="off" />
          </Field>
          <Field id="displayName" label={f.displayName}>
            <input id="displayName" name="displayName" type="text" required />
          </Field>
          <Field id="department" label={f.department}>
            <select id="department" name="department">
              {DEPARTMENTS.map((d) => (
                <option value={d.code}>{d.name}</option>
              ))}
            </select>
          </Field>
          <RoleBoxes checked={[]} />
          <Field id="password" label={f.password}>
            <input id="password" name="password" type="password" required autocomplete="new-password" />
          </Field>
          <button type="submit">{f.submit}</button>
        </form>
      </section>
    </Layout>
  );
}
