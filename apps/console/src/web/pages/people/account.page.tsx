import type { VNode } from 'preact';
import type { PersonAccount } from '@hub/sdk';
import { formatDateTime } from '../../format';
import { CsrfField, Field, Layout, Notice, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { RoleBoxes, accountStatus, roleNames } from './people.page';
import { PEOPLE } from './people.strings';

/** One account: its details, and the forms to re-role, disable or enable it and to reset its password. */
export function AccountPage(props: { session: WebSession; account: PersonAccount; notice?: string }): VNode {
  const { session, account } = props;
  const a = PEOPLE.account;
  const c = PEOPLE.columns;
  const base = `/admin/people/${account.id}`;
  return (
    <Layout title={a.title(account.username)} session={session} current="people">
      <p>
        <a href="/admin/people">{a.back}</a>
      </p>
      <h1>{a.title(account.username)}</h1>
      <Notice text={props.notice} />
      <section id="details">
        <h2>{a.details}</h2>
        <dl class="summary">
          <dt>{c.name}</dt>
          <dd>{account.displayName}</dd>
          <dt>{c.department}</dt>
          <dd>{departmentName(account.department)}</dd>
          <dt>{c.roles}</dt>
          <dd>{roleNames(account.roles)}</dd>
          <dt>{c.status}</dt>
          <dd data-testid="account-status">{accountStatus(account)}</dd>
          <dt>{c.createdAt}</dt>
          <dd>{formatDateTime(account.createdAt)}</dd>
        </dl>
      </section>
      <section id="edit">
        <h2>{a.edit}</h2>
        <form method="post" action={base}>
          <CsrfField session={session} />
          <Field id="displayName" label={PEOPLE.create.displayName}>
            <input id="displayName" name="displayName" type="text" value={account.displayName} required />
          </Field>
          <RoleBoxes checked={account.roles} />
          <button type="submit">{a.save}</button>
        </form>
      </section>
      <section id="status">
        {account.disabled ? (
          <form method="post" action={`${base}/enable`}>
            <h2>{a.enable}</h2>
            <CsrfField session={session} />
            <button type="submit">{a.enable}</button>
          </form>
        ) : (
          <form method="post" action={`${base}/disable`}>
            <h2>{a.disable}</h2>
            <p>{a.disableHint}</p>
            <CsrfField session={session} />
            <label class="checkbox">
              <input type="checkbox" name="confirm" value="yes" required />
              {a.confirmDisable}
            </label>
            <button type="submit" class="warning">
              {a.disable}
            </button>
          </form>
        )}
      </section>
      <section id="password">
        <h2>{a.password}</h2>
        <p>{a.passwordHint}</p>
        <form method="post" action={`${base}/password`}>
          <CsrfField session={session} />
          <Field id="new-password" label={a.newPassword}>
            <input id="new-password" name="password" type="password" required autocomplete="new-password" />
          </Field>
          <button type="submit">{a.setPassword}</button>
        </form>
      </section>
    </Layout>
  );
}
