import type { VNode } from 'preact';
import { DEPARTMENTS } from '@hub/contracts';
import { Page, formatDate, formatDateTime } from '../../format';
import {
  CsrfField,
  Field,
  FilterForm,
  Layout,
  Notice,
  Pagination,
  TableHead,
  TimelineLink,
  departmentName,
} from '../../layout';
import type { WebSession } from '../../person';
import { QUEUE } from './queue.strings';

export interface UnassignedRow {
  approvalId: string;
  uscc: string;
  matterCode: string;
  matterName: string;
  decidedAt: string;
  pushDueDate: string;
  overdue: boolean;
}

export interface ReturnedRow {
  approvalId: string;
  uscc: string;
  pushId: string;
  department: string;
  returnedAt: string;
  reason: string;
}

export interface QueuePageProps {
  session: WebSession;
  query: Record<string, string | undefined>;
  unassigned: Page<UnassignedRow>;
  returned: Page<ReturnedRow>;
  notice?: string;
}

export function QueuePage(props: QueuePageProps): VNode {
  const { session, query } = props;
  const c = QUEUE.columns;
  const pagination = (page: Page<unknown>, param: string) => (
    <Pagination page={page} path="/queue" query={query} param={param} />
  );
  return (
    <Layout title={QUEUE.title} session={session} current="queue">
      <h1>{QUEUE.title}</h1>
      <Notice text={props.notice} />
      <p>{QUEUE.intro}</p>
      <FilterForm action="/queue" label={QUEUE.filter} apply={QUEUE.apply} value={query.q} />
      <section id="unassigned">
        <h2>
          {QUEUE.sections.unassigned}（{props.unassigned.total}）
        </h2>
        {props.unassigned.items.length === 0 ? (
          <p class="empty">{QUEUE.empty.unassigned}</p>
        ) : (
          <table class="table">
            <TableHead columns={[c.approvalId, c.uscc, c.matter, c.decidedAt, c.pushDue, c.actions]} />
            <tbody>
              {props.unassigned.items.map((row) => (
                <tr data-approval={row.approvalId}>
                  <td>
                    <TimelineLink approvalId={row.approvalId} />
                  </td>
                  <td>{row.uscc}</td>
                  <td>{row.matterName}</td>
                  <td>{formatDateTime(row.decidedAt)}</td>
                  <td>
                    {formatDate(row.pushDueDate)}
                    {row.overdue && <strong class="tag overdue">{QUEUE.overdue}</strong>}
                  </td>
                  <td>
                    <AssignForm session={session} approvalId={row.approvalId} submit={QUEUE.assign} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pagination(props.unassigned, 'unassignedPage')}
      </section>
      <section id="returned">
        <h2>
          {QUEUE.sections.returned}（{props.returned.total}）
        </h2>
        {props.returned.items.length === 0 ? (
          <p class="empty">{QUEUE.empty.returned}</p>
        ) : (
          <table class="table">
            <TableHead columns={[c.approvalId, c.uscc, c.returnedBy, c.returnedAt, c.reason, c.actions]} />
            <tbody>
              {props.returned.items.map((row) => (
                <tr data-approval={row.approvalId}>
                  <td>
                    <TimelineLink approvalId={row.approvalId} />
                  </td>
                  <td>{row.uscc}</td>
                  <td>{departmentName(row.department)}</td>
                  <td>{formatDateTime(row.returnedAt)}</td>
                  <td>{row.reason}</td>
                  <td>
                    <AssignForm
                      session={session}
                      approvalId={row.approvalId}
                      submit={QUEUE.reroute}
                      except={row.department}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pagination(props.returned, 'returnedPage')}
      </section>
    </Layout>
  );
}

function AssignForm(props: { session: WebSession; approvalId: string; submit: string; except?: string }): VNode {
  const id = (field: string) => `${field}-${props.approvalId}`;
  return (
    <form method="post" action="/queue/assignments" class="form compact">
      <CsrfField session={props.session} />
      <input type="hidden" name="approvalId" value={props.approvalId} />
      <Field id={id('department')} label={QUEUE.fields.department}>
        <select id={id('department')} name="department">
          {DEPARTMENTS.filter((d) => d.code !== props.except).map((d) => (
            <option value={d.code}>{`${d.name}（${d.code}）`}</option>
          ))}
        </select>
      </Field>
      <Field id={id('note')} label={QUEUE.fields.note}>
        <input id={id('note')} name="note" type="text" maxLength={500} />
      </Field>
      <button type="submit" aria-label={`${props.submit} ${props.approvalId}`}>
        {props.submit}
      </button>
    </form>
  );
}
