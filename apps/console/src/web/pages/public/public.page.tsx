import type { VNode } from 'preact';
import type { PublishedMatter } from '@hub/sdk';
import { Page, formatDate } from '../../format';
import { FilterForm, Layout, Pagination, TableHead, departmentName } from '../../layout';
import { PUBLIC } from './public.strings';

export interface PublicPageProps {
  query: Record<string, string | undefined>;
  matters: Page<PublishedMatter>;
  /** How many the catalogue holds before the filter. */
  published: number;
}

export function PublicPage(props: PublicPageProps): VNode {
  const { query, matters } = props;
  const m = PUBLIC.matters;
  const c = m.columns;
  return (
    <Layout title={PUBLIC.title}>
      <h1>{PUBLIC.title}</h1>
      <p>{PUBLIC.intro}</p>
      <section id="matters">
        <h2>
          {m.heading}（{matters.total}）
        </h2>
        <FilterForm action="/public" label={m.filter} apply={m.apply} value={query.q} />
        {matters.items.length === 0 ? (
          <p class="empty">{props.published === 0 ? m.empty : m.noneMatch}</p>
        ) : (
          <table class="table">
            <TableHead columns={[c.code, c.name, c.mode, c.category, c.effectiveFrom, c.departments]} />
            <tbody>
              {matters.items.map((matter) => (
                <tr>
                  <td>{matter.matterCode}</td>
                  <td>{matter.name}</td>
                  <td>{PUBLIC.reformModes[matter.reformMode] ?? matter.reformMode}</td>
                  <td>{matter.category ?? '—'}</td>
                  <td>{formatDate(matter.effectiveFrom)}</td>
                  <td>
                    {matter.departments.length === 0
                      ? m.unassigned
                      : matter.departments.map((d) => departmentName(d)).join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={matters} path="/public" query={query} param="page" />
      </section>
      <p>
        <a href="/public/draws">{PUBLIC.draws}</a>
      </p>
      <p>
        <a href="/login">{PUBLIC.staff}</a>
      </p>
    </Layout>
  );
}
