import type { VNode } from 'preact';
import { DEPARTMENTS } from '@hub/contracts';
import { Page, formatDateTime, withQuery } from '../../format';
import { Field, Layout, Pagination, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { REGISTRY } from './registry.strings';

export interface Gap {
  gapId: string;
  kind: string;
  subject: string;
  uscc: string | null;
  department: string | null;
  licenceType: string | null;
  check: string | null;
  since: string;
  detail: string;
  closedAt: string | null;
}

/** The gaps item by item, filtered in the URL, 20 a page, with the CSV export of the same filter. */
export function GapsPage(props: {
  session: WebSession;
  page: Page<Gap>;
  query: Record<string, string | undefined>;
  typeNames: Record<string, string>;
}): VNode {
  const { page, query, typeNames } = props;
  const g = REGISTRY.gaps;
  const { page: _page, ...filter } = query;
  return (
    <Layout title={g.title} session={props.session} current="registry">
      <p>
        <a href="/registry">{g.back}</a>
      </p>
      <h1>{g.title}</h1>
      <p>{g.intro}</p>
      <form method="get" action="/registry/gaps" class="filters">
        <Field id="kind" label={REGISTRY.fields.kind}>
          <select id="kind" name="kind">
            <option value="">—</option>
            {Object.entries(REGISTRY.kinds).map(([value, label]) => (
              <option value={value} selected={query.kind === value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="department" label={REGISTRY.table.department}>
          <select id="department" name="department">
            <option value="">—</option>
            {DEPARTMENTS.map((d) => (
              <option value={d.code} selected={query.department === d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="status" label={REGISTRY.fields.status}>
          <select id="status" name="status">
            {Object.entries(g.status).map(([value, label]) => (
              <option value={value} selected={(query.status ?? 'open') === value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        {query.licenceType && <input type="hidden" name="licenceType" value={query.licenceType} />}
        {query.month && <input type="hidden" name="month" value={query.month} />}
        <button type="submit" class="button">
          {g.apply}
        </button>
      </form>
      <p>
        <a href={withQuery('/registry/gaps.csv', filter, {})} id="gaps-csv" download>
          {g.csv}
        </a>
      </p>
      {page.total === 0 ? (
        <p class="empty">{g.empty}</p>
      ) : (
        <>
          <table class="table" id="gaps-table">
            <TableHead columns={[...g.columns]} />
            <tbody>
              {page.items.map((gap) => (
                <tr data-gap={gap.gapId} data-kind={gap.kind}>
                  <td>{REGISTRY.kinds[gap.kind] ?? gap.kind}</td>
                  <td>{gap.subject}</td>
                  <td>{gap.uscc ? <a href={`/registry/enterprises/${gap.uscc}`}>{gap.uscc}</a> : REGISTRY.none}</td>
                  <td>{departmentName(gap.department)}</td>
                  <td>{gap.licenceType ? (typeNames[gap.licenceType] ?? gap.licenceType) : REGISTRY.none}</td>
                  <td>{gap.check ? (REGISTRY.checks[gap.check] ?? gap.check) : REGISTRY.none}</td>
                  <td>{formatDateTime(gap.since)}</td>
                  <td>{gap.detail}</td>
                  <td>{gap.closedAt ? g.closedAt(formatDateTime(gap.closedAt)) : g.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} path="/registry/gaps" query={query} param="page" />
        </>
      )}
    </Layout>
  );
}
