import type { VNode } from 'preact';
import { formatDate, formatDateTime } from '../../format';
import { CsrfField, Field, Layout, Notice, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { INSPECTION } from './inspection.strings';

export interface PlanRow {
  id: string;
  title: string;
  kind: string;
  leadDepartment: string;
  state: string;
  inspectionDate: string;
  departments: { code: string }[];
  commitment: string | null;
  candidateDigest: string | null;
}

export interface TaskRow {
  id: string;
  uscc: string;
  state: string;
  inspectors: { name: string; certificateNo: string }[] | null;
}

export function InspectionPage(props: { session: WebSession; plans: PlanRow[]; tasks: TaskRow[] }): VNode {
  const p = INSPECTION.plans;
  const t = INSPECTION.tasks;
  return (
    <Layout title={INSPECTION.title} session={props.session} current="inspection">
      <h1>{INSPECTION.title}</h1>
      <h2>{p.heading}</h2>
      {props.plans.length === 0 ? (
        <p class="empty">{p.empty}</p>
      ) : (
        <table class="table">
          <TableHead
            columns={[p.columns.id, p.columns.title, p.columns.kind, p.columns.lead, p.columns.state, p.columns.date]}
          />
          <tbody>
            {props.plans.map((plan) => (
              <tr>
                <td>
                  <a href={`/inspection/plans/${encodeURIComponent(plan.id)}`}>{plan.id}</a>
                </td>
                <td>{plan.title}</td>
                <td>{INSPECTION.kinds[plan.kind] ?? plan.kind}</td>
                <td>{departmentName(plan.leadDepartment)}</td>
                <td>{INSPECTION.states[plan.state] ?? plan.state}</td>
                <td>{formatDate(plan.inspectionDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.heading}</h2>
      {props.tasks.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <table class="table">
          <TableHead columns={[t.columns.id, t.columns.uscc, t.columns.team, t.columns.state]} />
          <tbody>
            {props.tasks.map((task) => (
              <tr>
                <td>{task.id}</td>
                <td class="mono">{task.uscc}</td>
                <td>{task.inspectors?.map((i) => `${i.name}（${i.certificateNo}）`).join('、') ?? '—'}</td>
                <td>{INSPECTION.taskStates[task.state] ?? task.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export interface PlanDetail extends PlanRow {
  exclusions: { uscc: string; name: string | null; reason: string }[];
  draws: { id: string; drawnAt: string; status: string }[];
  completion: { tasks: number; done: number };
}

/** One plan; the lock form for the lead's supervisors while a draft, the draw form for its departments' once locked. */
export function PlanPage(props: {
  session: WebSession;
  plan: PlanDetail;
  mayLock: boolean;
  mayDraw: boolean;
  notice?: string;
}): VNode {
  const { plan, session } = props;
  const t = INSPECTION.plan;
  const path = `/inspection/plans/${encodeURIComponent(plan.id)}`;
  return (
    <Layout title={t.title(plan.id)} session={session} current="inspection">
      <p>
        <a href="/inspection">{t.back}</a>
      </p>
      <Notice text={props.notice} />
      <h1>{t.title(plan.id)}</h1>
      <p>
        {plan.title} · {INSPECTION.kinds[plan.kind] ?? plan.kind} ·{' '}
        {plan.departments.map((d) => departmentName(d.code)).join('、')} · {INSPECTION.states[plan.state] ?? plan.state}{' '}
        · {t.completion(plan.completion.done, plan.completion.tasks)}
      </p>
      {plan.commitment && (
        <table class="table">
          <tbody>
            <tr>
              <th scope="row">{t.commitment}</th>
              <td class="mono">{plan.commitment}</td>
            </tr>
            <tr>
              <th scope="row">{t.candidateDigest}</th>
              <td class="mono">{plan.candidateDigest}</td>
            </tr>
          </tbody>
        </table>
      )}
      {props.mayLock && (
        <form method="post" action={`${path}/lock`}>
          <CsrfField session={session} />
          <p class="hint">{t.lockHint}</p>
          <button type="submit" class="button">
            {t.lock}
          </button>
        </form>
      )}
      {props.mayDraw && (
        <form method="post" action={`${path}/draws`}>
          <h2>{t.draw}</h2>
          <CsrfField session={session} />
          <Field id="entropy" label={t.entropy}>
            <p class="hint">{t.entropyHint}</p>
            <input id="entropy" name="entropy" type="text" required maxLength={200} />
          </Field>
          <Field id="witness" label={t.witness}>
            <input id="witness" name="witness" type="text" required maxLength={200} />
          </Field>
          <button type="submit" class="button">
            {t.drawSubmit}
          </button>
        </form>
      )}
      <h2>{t.exclusions}</h2>
      {plan.exclusions.length === 0 ? (
        <p class="empty">{t.noExclusions}</p>
      ) : (
        <table class="table">
          <TableHead columns={[t.exclusionColumns.uscc, t.exclusionColumns.name, t.exclusionColumns.reason]} />
          <tbody>
            {plan.exclusions.map((e) => (
              <tr>
                <td class="mono">{e.uscc}</td>
                <td>{e.name ?? '—'}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.draws}</h2>
      {plan.draws.length === 0 ? (
        <p class="empty">{t.noDraws}</p>
      ) : (
        <ul>
          {plan.draws.map((d) => (
            <li>
              <a href={`/public/draws/${encodeURIComponent(d.id)}`}>{d.id}</a> {formatDateTime(d.drawnAt)} {d.status}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
