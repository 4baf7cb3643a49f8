import type { VNode } from 'preact';
import type { DeadLetterAction } from '../../../dead-letters/entities/dead-letter-action.entity';
import { formatDateTime } from '../../format';
import { CsrfField, Layout, Notice, TableHead } from '../../layout';
import { LAYOUT } from '../../layout.strings';
import type { Role, WebSession } from '../../person';
import { RECORDS as T } from './dead-letters.strings';

export interface VisibilityRow {
  role: string;
  visibility: string;
}

const roleName = (role: string): string => LAYOUT.roles[role as Role] ?? role;

export function DeadLetterRecordsPage(props: {
  session: WebSession;
  actions: DeadLetterAction[];
  next?: string;
  visibility: VisibilityRow[];
  /** Admins change the settings; the others read them. */
  administers: boolean;
  saved?: { role: string; visibility: string };
}): VNode {
  const { session, saved } = props;
  const v = T.visibility;
  return (
    <Layout title={T.title} session={session} current="deadLetterRecords">
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      <Notice text={saved && v.saved(roleName(saved.role), v[saved.visibility as 'masked' | 'off'])} />
      <h2>{v.heading}</h2>
      <p class="hint">{v.hint}</p>
      <table class="table" id="visibility">
        <TableHead columns={[v.role, v.setting]} />
        <tbody>
          {props.visibility.map((row) => (
            <tr data-role={row.role} data-visibility={row.visibility}>
              <td>{roleName(row.role)}</td>
              <td>
                {props.administers ? (
                  <form method="post" action="/dead-letter-records/visibility" class="inline">
                    <CsrfField session={session} />
                    <input type="hidden" name="role" value={row.role} />
                    <select name="visibility" aria-label={`${roleName(row.role)} ${v.setting}`}>
                      {(['masked', 'off'] as const).map((value) => (
                        <option value={value} selected={row.visibility === value}>
                          {v[value]}
                        </option>
                      ))}
                    </select>{' '}
                    <button type="submit" class="secondary">
                      {v.submit}
                    </button>
                  </form>
                ) : (
                  v[row.visibility as 'masked' | 'off']
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{T.title}</h2>
      {props.actions.length === 0 ? <p class="empty">{T.none}</p> : <ActionsTable actions={props.actions} />}
      {props.next && (
        <nav class="pagination">
          <a rel="next" href={`/dead-letter-records?before=${props.next}`}>
            {LAYOUT.pagination.next}
          </a>
        </nav>
      )}
    </Layout>
  );
}

export function ActionsTable(props: { actions: DeadLetterAction[] }): VNode {
  const c = T.columns;
  return (
    <table class="table" id="actions">
      <TableHead columns={[c.at, c.actor, c.roles, c.action, c.letter, c.note]} />
      <tbody>
        {props.actions.map((a) => (
          <tr data-action={a.action}>
            <td>{formatDateTime(a.at)}</td>
            <td>{a.actorName ?? a.actor}</td>
            <td>{a.actorRoles.map(roleName).join('、') || '—'}</td>
            <td>{T.action[a.action] ?? a.action}</td>
            <td>{a.deadLetterId ? <a href={`/dead-letters/${a.deadLetterId}`}>{a.deadLetterId}</a> : '—'}</td>
            <td>{a.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
