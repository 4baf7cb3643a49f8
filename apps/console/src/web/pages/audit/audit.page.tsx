import type { VNode } from 'preact';
import type { PersonAction } from '@hub/sdk';
import { formatDateTime, withQuery } from '../../format';
import { Field, Layout, TableHead } from '../../layout';
import type { WebSession } from '../../person';
import { AUDIT } from './audit.strings';

export interface AuditPageProps {
  session: WebSession;
  query: Record<string, string | undefined>;
  actions: PersonAction[];
  /** The id to continue from for older actions; undefined at the end. */
  older?: string;
}

export function AuditPage(props: AuditPageProps): VNode {
  const { session, query, actions } = props;
  const f = AUDIT.filters;
  const c = AUDIT.columns;
  return (
    <Layout title={AUDIT.title} session={session} current="audit">
      <h1>{AUDIT.title}</h1>
      <p>{AUDIT.intro}</p>
      <form method="get" action="/audit" class="filter">
        <Field id="person" label={f.person}>
          <input id="person" name="person" type="text" value={query.person ?? ''} />
        </Field>
        <Field id="since" label={f.since}>
          <input id="since" name="since" type="datetime-local" value={query.since ?? ''} />
        </Field>
        <Field id="until" label={f.until}>
          <input id="until" name="until" type="datetime-local" value={query.until ?? ''} />
        </Field>
        <button type="submit">{f.apply}</button> <a href="/audit">{f.clear}</a>
      </form>
      {actions.length === 0 ? (
        <p class="empty">{AUDIT.empty}</p>
      ) : (
        <table class="table" id="actions">
          <TableHead columns={[c.at, c.person, c.action, c.request, c.status, c.address, c.detail]} />
          <tbody>
            {actions.map((a) => (
              <tr>
                <td>{formatDateTime(a.at)}</td>
                <td>{a.username}</td>
                <td>{AUDIT.actions[a.action] ?? a.action}</td>
                <td>
                  <code>
                    {a.method} {a.path}
                  </code>
                </td>
                <td>{a.status}</td>
                <td>{a.address ?? '—'}</td>
                <td>{a.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pagination">
        {query.before && <a href={withQuery('/audit', query, { before: undefined })}>{AUDIT.newest}</a>}
        {props.older && (
          <a rel="next" href={withQuery('/audit', query, { before: props.older })}>
            {AUDIT.older}
          </a>
        )}
      </nav>
    </Layout>
  );
}
