import type { VNode } from 'preact';
import { formatDate, formatDateTime } from '../../format';
import { Field, Layout, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { LEDGER } from '../ledger/ledger.strings';
import { TIMELINE } from './timeline.strings';

/** The approval app's timeline of an approval (the fields the page shows). */
export interface Timeline {
  approval: {
    approvalId: string;
    uscc: string;
    matterCode: string;
    matterName: string;
    licenceNo: string;
    decidedAt: string;
    pushDueDate: string;
    state: string;
  } | null;
  pushes: {
    pushId: string;
    department: string;
    pushedAt: string;
    claimDueAt: string;
    assignedBy: string | null;
    progress: string;
  }[];
  timeline: {
    at: string;
    kind: string;
    department: string | null;
    actor: string;
    detail: Record<string, unknown> | null;
  }[];
}

export function TimelineSearchPage(props: { session: WebSession }): VNode {
  return (
    <Layout title={TIMELINE.searchTitle} session={props.session} current="timeline">
      <h1>{TIMELINE.searchTitle}</h1>
      <p>{TIMELINE.searchIntro}</p>
      <form method="get" action="/approvals" class="filter">
        <Field id="approvalId" label={TIMELINE.fields.approvalId}>
          <input id="approvalId" name="approvalId" type="search" required />
        </Field>
        <button type="submit">{TIMELINE.find}</button>
      </form>
    </Layout>
  );
}

export function TimelinePage(props: { session: WebSession; approvalId: string; timeline: Timeline }): VNode {
  const { approval, pushes, timeline } = props.timeline;
  const a = TIMELINE.approval;
  const title = TIMELINE.title(props.approvalId);
  return (
    <Layout title={title} session={props.session} current="timeline">
      <h1>{title}</h1>
      <h2>{a.heading}</h2>
      {approval ? (
        <dl class="summary">
          <dt>{a.uscc}</dt>
          <dd>{approval.uscc}</dd>
          <dt>{a.matter}</dt>
          <dd>{`${approval.matterName}（${approval.matterCode}）`}</dd>
          <dt>{a.licenceNo}</dt>
          <dd>{approval.licenceNo}</dd>
          <dt>{a.decidedAt}</dt>
          <dd>{formatDateTime(approval.decidedAt)}</dd>
          <dt>{a.pushDue}</dt>
          <dd>{formatDate(approval.pushDueDate)}</dd>
          <dt>{a.state}</dt>
          <dd>{TIMELINE.states[approval.state] ?? approval.state}</dd>
        </dl>
      ) : (
        <p class="empty">{a.notYetReceived}</p>
      )}
      <h2>{TIMELINE.pushes.heading}</h2>
      {pushes.length === 0 ? (
        <p class="empty">{TIMELINE.pushes.empty}</p>
      ) : (
        <table class="table" id="pushes">
          <TableHead
            columns={[
              TIMELINE.pushes.department,
              TIMELINE.pushes.pushedAt,
              TIMELINE.pushes.claimDue,
              TIMELINE.pushes.progress,
              TIMELINE.pushes.assignedBy,
            ]}
          />
          <tbody>
            {pushes.map((p) => (
              <tr>
                <td>{departmentName(p.department)}</td>
                <td>{formatDateTime(p.pushedAt)}</td>
                <td>{formatDateTime(p.claimDueAt)}</td>
                <td>{TIMELINE.progress[p.progress] ?? p.progress}</td>
                <td>{p.assignedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{TIMELINE.steps.heading}</h2>
      {timeline.length === 0 ? (
        <p class="empty">{TIMELINE.steps.empty}</p>
      ) : (
        <ol class="timeline" id="steps">
          {timeline.map((step) => (
            <li data-kind={step.kind}>
              <time datetime={step.at}>{formatDateTime(step.at)}</time>
              <strong>{TIMELINE.kinds[step.kind] ?? step.kind}</strong>
              {step.department && <span class="department">{departmentName(step.department)}</span>}
              <span class="actor">{step.actor}</span>
              <StepDetail detail={step.detail} />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

/** The words of a step that people read (action, result, findings, reason, note), in Chinese where they are codes. */
function StepDetail(props: { detail: Record<string, unknown> | null }): VNode | null {
  const shown = Object.entries(props.detail ?? {}).filter(
    ([key, value]) => key in TIMELINE.detail && typeof value === 'string',
  ) as [string, string][];
  if (shown.length === 0) return null;
  const say = (key: string, value: string): string =>
    key === 'action'
      ? ((LEDGER.actions as Record<string, string>)[value] ?? value)
      : key === 'result'
        ? ((LEDGER.results as Record<string, string>)[value] ?? value)
        : value;
  return (
    <dl class="detail">{shown.map(([key, value]) => [<dt>{TIMELINE.detail[key]}</dt>, <dd>{say(key, value)}</dd>])}</dl>
  );
}
