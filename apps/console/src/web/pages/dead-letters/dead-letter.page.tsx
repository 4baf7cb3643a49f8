import type { VNode } from 'preact';
import type { DeadLetterView, DeadLetterWithoutValue } from '../../../dead-letters/dead-letter.view';
import type { DeadLetterAction } from '../../../dead-letters/entities/dead-letter-action.entity';
import { formatDateTime } from '../../format';
import { CsrfField, Field, Layout, Notice, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { ActionsTable } from './dead-letter-records.page';
import { DEAD_LETTER as T, DEAD_LETTERS } from './dead-letters.strings';

export function DeadLetterPage(props: {
  session: WebSession;
  letter: DeadLetterView | DeadLetterWithoutValue;
  history: DeadLetterAction[];
  acts: boolean;
  done?: string;
}): VNode {
  const { letter, session } = props;
  const s = T.summary;
  const open = letter.status === 'open';
  return (
    <Layout title={T.title(letter.id)} session={session} current="deadLetters">
      <p>
        <a href="/dead-letters">{T.back}</a>
      </p>
      <h1>{T.title(letter.id)}</h1>
      <Notice text={props.done && T.done[props.done]} />
      <dl class="summary" id="letter">
        <dt>{s.status}</dt>
        <dd data-testid="letter-status" data-status={letter.status}>
          {DEAD_LETTERS.status[letter.status] ?? letter.status}
        </dd>
        <dt>{s.topic}</dt>
        <dd>
          <code>{letter.originalTopic}</code>
        </dd>
        <dt>{s.where}</dt>
        <dd>{s.at(letter.originalPartition, letter.originalOffset)}</dd>
        <dt>{s.consumer}</dt>
        <dd>{letter.consumer}</dd>
        <dt>{s.department}</dt>
        <dd>{departmentName(letter.department)}</dd>
        <dt>{s.type}</dt>
        <dd>{letter.eventType ?? '—'}</dd>
        <dt>{s.attempts}</dt>
        <dd>{letter.attempts}</dd>
        <dt>{s.receivedAt}</dt>
        <dd>{formatDateTime(letter.receivedAt)}</dd>
        <dt>{s.reason}</dt>
        <dd data-testid="letter-reason">{letter.reason}</dd>
        {letter.incomplete && (
          <>
            <dt>{s.incomplete}</dt>
            <dd>{letter.incomplete}</dd>
          </>
        )}
        {letter.resolvedAt && (
          <>
            <dt>{s.resolved}</dt>
            <dd>{s.resolvedBy(letter.resolvedBy ?? '—', formatDateTime(letter.resolvedAt))}</dd>
            <dt>{s.note}</dt>
            <dd>{letter.note ?? '—'}</dd>
          </>
        )}
      </dl>
      <h2>{T.headers}</h2>
      <table class="table" id="headers">
        <thead>
          <tr>
            <th scope="col">{T.header}</th>
            <th scope="col">{T.value}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(letter.headers).map(([name, value]) => (
            <tr>
              <td>
                <code>{name}</code>
              </td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{T.payload}</h2>
      <Payload letter={letter} />
      {props.acts && open && <Actions session={session} id={letter.id} />}
      <h2>{T.history}</h2>
      {props.history.length === 0 ? <p class="empty">{T.noHistory}</p> : <ActionsTable actions={props.history} />}
    </Layout>
  );
}

function Payload(props: { letter: DeadLetterView | DeadLetterWithoutValue }): VNode {
  const { value } = props.letter;
  if (value.encoding === 'hidden')
    return (
      <p class="hint" id="payload-hidden">
        {T.hidden}
      </p>
    );
  if (value.encoding === 'base64') {
    return (
      <>
        <p class="hint">{T.base64}</p>
        <pre id="payload">{value.base64}</pre>
      </>
    );
  }
  return (
    <>
      <p class="hint">{T.masked}</p>
      <pre id="payload">{JSON.stringify(value.json, null, 2)}</pre>
    </>
  );
}

function Actions(props: { session: WebSession; id: string }): VNode {
  const { session, id } = props;
  return (
    <>
      <form method="post" action={`/dead-letters/${id}/replay`} id="replay">
        <h2>{T.replay.heading}</h2>
        <p class="hint">{T.replay.hint}</p>
        <CsrfField session={session} />
        <Field id="replay-note" label={DEAD_LETTERS.note}>
          <input id="replay-note" name="note" />
        </Field>
        <button type="submit" id="replay-submit">
          {T.replay.submit}
        </button>
      </form>
      <form method="post" action={`/dead-letters/${id}/discard`} id="discard">
        <h2>{T.discard.heading}</h2>
        <CsrfField session={session} />
        <Field id="discard-note" label={T.discard.reason}>
          <textarea id="discard-note" name="note" rows={3} />
        </Field>
        <div class="field">
          <label>
            <input type="checkbox" name="confirm" value="yes" id="discard-confirm" /> {T.discard.confirm}
          </label>
        </div>
        <button type="submit" class="secondary" id="discard-submit">
          {T.discard.submit}
        </button>
      </form>
    </>
  );
}
