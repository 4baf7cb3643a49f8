import type { VNode } from 'preact';
import { DEPARTMENTS, SUPERVISION_ACTIONS, SUPERVISION_RESULTS } from '@hub/contracts';
import { Page, formatDate, formatDateTime } from '../../format';
import { CsrfField, Field, Layout, Notice, Pagination, TableHead, TimelineLink, departmentName } from '../../layout';
import { LAYOUT } from '../../layout.strings';
import type { WebSession } from '../../person';
import { LEDGER } from './ledger.strings';

/** A push as the supervision app's ledger lists it (the fields the page shows). */
export interface LedgerRow {
  approvalId: string;
  uscc: string;
  matterCode: string | null;
  matterName: string | null;
  state: string;
  pushedAt: string | null;
  claimDueDate: string | null;
  claimedAt: string | null;
  claimedBy: string | null;
  supervisionDueDate: string | null;
}

export type LedgerSection = 'unclaimed' | 'overdue' | 'claimedNotSupervised';

export interface LedgerPageProps {
  session: WebSession;
  department: string;
  /** The departments the person may choose between; empty: their own only. */
  choices: readonly string[];
  query: Record<string, string | undefined>;
  sections: Record<LedgerSection, Page<LedgerRow>>;
  /** Whether the person may claim, return and supervise here (a supervisor of this department). */
  acts: boolean;
  notice?: string;
}

const PAGE_PARAM: Record<LedgerSection, string> = {
  unclaimed: 'unclaimedPage',
  overdue: 'overduePage',
  claimedNotSupervised: 'claimedPage',
};

export function LedgerPage(props: LedgerPageProps): VNode {
  const { session, department, choices, query } = props;
  const title = LEDGER.title(departmentName(department));
  return (
    <Layout title={title} session={session} current="ledger">
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <form method="get" action="/ledger" class="filter">
        {choices.length > 0 && (
          <Field id="department" label={LEDGER.chooseDepartment}>
            <select id="department" name="department">
              {choices.map((code) => (
                <option value={code} selected={code === department}>
                  {`${departmentName(code)}（${code}）`}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="q" label={LEDGER.filter}>
          <input id="q" name="q" type="search" value={query.q ?? ''} />
        </Field>
        <button type="submit">{LEDGER.apply}</button>
      </form>
      {(['unclaimed', 'overdue', 'claimedNotSupervised'] as const).map((section) => (
        <section id={section} aria-labelledby={`${section}-title`}>
          <h2 id={`${section}-title`}>
            {LEDGER.sections[section]}（{props.sections[section].total}）
          </h2>
          <LedgerTable {...props} section={section} />
          <Pagination page={props.sections[section]} path="/ledger" query={query} param={PAGE_PARAM[section]} />
        </section>
      ))}
    </Layout>
  );
}

function LedgerTable(props: LedgerPageProps & { section: LedgerSection }): VNode {
  const { section, session, acts } = props;
  const rows = props.sections[section].items;
  if (rows.length === 0) return <p class="empty">{LEDGER.empty[section]}</p>;
  const c = LEDGER.columns;
  const claimed = section === 'claimedNotSupervised';
  return (
    <table class="table">
      <TableHead
        columns={[
          c.approvalId,
          c.uscc,
          c.matter,
          c.pushedAt,
          section === 'overdue' && c.state,
          claimed ? c.claimedAt : c.claimDue,
          claimed && c.claimedBy,
          section !== 'unclaimed' && c.supervisionDue,
          c.actions,
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <tr data-approval={row.approvalId}>
            <td>
              <TimelineLink approvalId={row.approvalId} />
            </td>
            <td>{row.uscc}</td>
            <td>{row.matterName ?? row.matterCode ?? '—'}</td>
            <td>{formatDateTime(row.pushedAt)}</td>
            {section === 'overdue' && <td>{LEDGER.states[row.state] ?? row.state}</td>}
            {claimed ? <td>{formatDateTime(row.claimedAt)}</td> : <td>{formatDate(row.claimDueDate)}</td>}
            {claimed && <td>{row.claimedBy ?? '—'}</td>}
            {section !== 'unclaimed' && <td>{formatDate(row.supervisionDueDate)}</td>}
            <td class="actions">
              {acts && section === 'unclaimed' && <ClaimForms session={session} row={row} />}
              {acts && claimed && <SuperviseForm session={session} row={row} />}
              {(!acts || section === 'overdue') && <TimelineLink approvalId={row.approvalId} text={LAYOUT.timeline} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimForms(props: { session: WebSession; row: LedgerRow }): VNode {
  const { session, row } = props;
  const id = (field: string) => `${field}-${row.approvalId}`;
  return (
    <div>
      <form method="post" action="/ledger/claims" class="inline">
        <CsrfField session={session} />
        <input type="hidden" name="approvalId" value={row.approvalId} />
        <button type="submit" aria-label={`${LEDGER.claim} ${row.approvalId}`}>
          {LEDGER.claim}
        </button>
      </form>
      <details>
        <summary>{LEDGER.returnPush}</summary>
        <form method="post" action="/ledger/returns" class="form" data-confirm={LEDGER.returnConfirm}>
          <CsrfField session={session} />
          <input type="hidden" name="approvalId" value={row.approvalId} />
          <Field id={id('reason')} label={LEDGER.fields.reason}>
            <textarea id={id('reason')} name="reason" rows={3} maxLength={1000} required />
          </Field>
          <Field id={id('suggestedDepartment')} label={LEDGER.fields.suggestedDepartment}>
            <select id={id('suggestedDepartment')} name="suggestedDepartment">
              <option value="">{LEDGER.noSuggestion}</option>
              {DEPARTMENTS.filter((d) => d.code !== session.person.department).map((d) => (
                <option value={d.code}>{`${d.name}（${d.code}）`}</option>
              ))}
            </select>
          </Field>
          <button type="submit" class="secondary">
            {LEDGER.returnSubmit}
          </button>
        </form>
      </details>
    </div>
  );
}

function SuperviseForm(props: { session: WebSession; row: LedgerRow }): VNode {
  const { session, row } = props;
  const id = (field: string) => `${field}-${row.approvalId}`;
  return (
    <details>
      <summary>{LEDGER.supervise}</summary>
      <form method="post" action="/ledger/supervisions" class="form">
        <CsrfField session={session} />
        <input type="hidden" name="approvalId" value={row.approvalId} />
        <Field id={id('action')} label={LEDGER.fields.action}>
          <select id={id('action')} name="action">
            {SUPERVISION_ACTIONS.map((a) => (
              <option value={a}>{LEDGER.actions[a]}</option>
            ))}
          </select>
        </Field>
        <Field id={id('result')} label={LEDGER.fields.result}>
          <select id={id('result')} name="result">
            {SUPERVISION_RESULTS.map((r) => (
              <option value={r}>{LEDGER.results[r]}</option>
            ))}
          </select>
        </Field>
        <Field id={id('findings')} label={LEDGER.fields.findings}>
          <textarea id={id('findings')} name="findings" rows={3} maxLength={2000} required />
        </Field>
        <button type="submit">{LEDGER.superviseSubmit}</button>
      </form>
    </details>
  );
}
