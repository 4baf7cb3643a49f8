import type { VNode } from 'preact';
import { DEPARTMENTS, EVENT_TYPES } from '@hub/contracts';
import type { DeadLetterSummary } from '../../../dead-letters/dead-letter.view';
import { formatDateTime, withQuery } from '../../format';
import { CsrfField, Field, Layout, Notice, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { DEAD_LETTERS as T } from './dead-letters.strings';

export const DEAD_LETTERS_PAGE_SIZE = 20;

type Filter = Record<string, string | undefined>;

export function DeadLettersPage(props: {
  session: WebSession;
  filter: Filter;
  letters: DeadLetterSummary[];
  /** The `before` of the next page, if there is one. */
  next?: string;
  paged: boolean;
  acts: boolean;
  outcome?: { replayed: number; refused: number };
}): VNode {
  const { session, filter, letters, acts } = props;
  return (
    <Layout title={T.title} session={session} current="deadLetters">
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      {!acts && <p class="hint">{T.auditorHint}</p>}
      <Notice text={props.outcome && T.outcome(props.outcome.replayed, props.outcome.refused)} />
      <p>
        <a href="/dead-letter-records">{T.records}</a>
      </p>
      <FilterForm filter={filter} />
      {letters.length === 0 ? (
        <p class="empty">{T.none}</p>
      ) : (
        <Selection session={session} acts={acts}>
          <LettersTable letters={letters} acts={acts} />
        </Selection>
      )}
      <nav class="pagination" aria-label={T.title}>
        {props.paged && <a href={withQuery('/dead-letters', filter, {})}>{T.firstPage}</a>}
        {props.next && (
          <a rel="next" href={withQuery('/dead-letters', filter, { before: props.next })}>
            {T.nextPage}
          </a>
        )}
      </nav>
      {acts && <ReplayMatching session={session} filter={filter} />}
    </Layout>
  );
}

/** For operators, the table is a form: its boxes choose what "replay the chosen" sends. */
function Selection(props: { session: WebSession; acts: boolean; children: VNode }): VNode {
  if (!props.acts) return props.children;
  return (
    <form method="post" action="/dead-letters/replay" id="selection">
      <CsrfField session={props.session} />
      {props.children}
      <div class="compact">
        <Field id="selection-note" label={T.note}>
          <input id="selection-note" name="note" />
        </Field>
        <button type="submit" id="replay-selected">
          {T.replaySelected}
        </button>
      </div>
    </form>
  );
}

function LettersTable(props: { letters: DeadLetterSummary[]; acts: boolean }): VNode {
  const { acts } = props;
  const c = T.columns;
  return (
    <table class="table" id="dead-letters">
      <TableHead
        columns={[acts && c.choose, c.id, c.receivedAt, c.topic, c.department, c.type, c.consumer, c.reason, c.status]}
      />
      <tbody>
        {props.letters.map((l) => (
          <tr data-id={l.id} data-status={l.status}>
            {acts && (
              <td>
                <input
                  type="checkbox"
                  name="ids"
                  value={l.id}
                  aria-label={T.choose(l.id)}
                  disabled={l.status !== 'open'}
                />
              </td>
            )}
            <td>
              <a href={`/dead-letters/${l.id}`}>{l.id}</a>
            </td>
            <td>{formatDateTime(l.receivedAt)}</td>
            <td>
              <code>{l.originalTopic}</code>
            </td>
            <td>{departmentName(l.department)}</td>
            <td>{l.eventType ?? '—'}</td>
            <td>{l.consumer}</td>
            <td>{l.reason}</td>
            <td>{T.status[l.status] ?? l.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FilterForm(props: { filter: Filter }): VNode {
  const { filter } = props;
  const f = T.filter;
  return (
    <form method="get" action="/dead-letters" class="compact filter" id="filter">
      <Field id="topic" label={f.topic}>
        <input id="topic" name="topic" value={filter['topic'] ?? ''} />
      </Field>
      <Field id="department" label={f.department}>
        <select id="department" name="department">
          <option value="">{f.any}</option>
          {DEPARTMENTS.map((d) => (
            <option value={d.code} selected={filter['department'] === d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="type" label={f.type}>
        <select id="type" name="type">
          <option value="">{f.any}</option>
          {EVENT_TYPES.map((d) => (
            <option value={d.type} selected={filter['type'] === d.type}>
              {d.type}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reason" label={f.reason}>
        <input id="reason" name="reason" value={filter['reason'] ?? ''} />
      </Field>
      <Field id="from" label={f.from}>
        <input id="from" name="from" type="datetime-local" value={filter['from'] ?? ''} />
      </Field>
      <Field id="to" label={f.to}>
        <input id="to" name="to" type="datetime-local" value={filter['to'] ?? ''} />
      </Field>
      <Field id="status" label={f.status}>
        <select id="status" name="status">
          <option value="">{f.any}</option>
          {Object.entries(T.status).map(([value, label]) => (
            <option value={value} selected={filter['status'] === value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" id="apply-filter">
        {f.submit}
      </button>
      <a href="/dead-letters">{f.clear}</a>
    </form>
  );
}

/** Every open letter the filter matches, not only this page's: the filter goes along as hidden fields. */
function ReplayMatching(props: { session: WebSession; filter: Filter }): VNode {
  const m = T.replayMatching;
  return (
    <form method="post" action="/dead-letters/replay-matching" id="replay-matching">
      <h2>{m.heading}</h2>
      <p class="hint">{m.hint}</p>
      <CsrfField session={props.session} />
      {Object.entries(props.filter)
        .filter(([name, value]) => value !== undefined && name !== 'status')
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
      <Field id="matching-note" label={T.note}>
        <input id="matching-note" name="note" />
      </Field>
      <div class="field">
        <label>
          <input type="checkbox" name="confirm" value="yes" id="matching-confirm" /> {m.confirm}
        </label>
      </div>
      <button type="submit" class="secondary" id="replay-all">
        {m.submit}
      </button>
    </form>
  );
}
