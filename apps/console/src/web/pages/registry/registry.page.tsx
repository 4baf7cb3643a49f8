import type { VNode } from 'preact';
import { Layout, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { BarChart } from '../stats/bar-chart';
import { REGISTRY } from './registry.strings';

/** One group's figures, as the registry's GET /v1/coverage answers them. */
export interface Figures {
  licenceType: string;
  department: string;
  month: string;
  coverage: { granted: number; aggregated: number; rate: number | null };
  lag: { p50Ms: number | null; p95Ms: number | null; maxMs: number | null; missedWindow: number };
  authenticity: { records: number; valid: number; rate: number | null; failed: Record<string, number> };
}

export interface Measures {
  lagWindowMs: number;
  zone: Figures;
  byDepartment: Figures[];
  byLicenceType: Figures[];
  rows: Figures[];
  seals: {
    filing: Record<string, { active: number; filed: number; rate: number | null }>;
    establishments: { late?: number };
  };
  openGaps: Record<string, number>;
}

const rateText = (rate: number | null) => (rate === null ? REGISTRY.none : REGISTRY.percent(rate));

/** The measures against the goal of 100 %, per department and licence type, each drilling down to its gaps. */
export function RegistryPage(props: {
  session: WebSession;
  measures: Measures;
  typeNames: Record<string, string>;
}): VNode {
  const { measures: m, typeNames } = props;
  const z = REGISTRY.zone;
  const t = REGISTRY.table;
  const typeName = (code: string) => typeNames[code] ?? code;
  const openGaps = Object.values(m.openGaps).reduce((a, b) => a + b, 0);
  const labelOf = (f: Figures) => (f.department === '*' ? typeName(f.licenceType) : departmentName(f.department));
  const sealFiling = m.seals.filing.department ?? { active: 0, filed: 0, rate: null };
  return (
    <Layout title={REGISTRY.title} session={props.session} current="registry">
      <h1>{REGISTRY.title}</h1>
      <p>{REGISTRY.intro}</p>
      <h2>{z.heading}</h2>
      <dl class="summary-list" id="zone">
        <div>
          <dt>{z.coverage}</dt>
          <dd>
            <a href="/registry/gaps?kind=licence-missing" id="zone-coverage">
              {rateText(m.zone.coverage.rate)}
            </a>{' '}
            （{m.zone.coverage.aggregated} / {m.zone.coverage.granted}，{REGISTRY.goal}）
          </dd>
        </div>
        <div>
          <dt>{z.lag}</dt>
          <dd id="zone-lag">
            {REGISTRY.duration(m.zone.lag.p50Ms)} / {REGISTRY.duration(m.zone.lag.p95Ms)} /{' '}
            {REGISTRY.duration(m.zone.lag.maxMs)}；{z.missed(m.zone.lag.missedWindow, REGISTRY.duration(m.lagWindowMs))}
          </dd>
        </div>
        <div>
          <dt>{z.authenticity}</dt>
          <dd>
            <a href="/registry/gaps?kind=licence-invalid" id="zone-authenticity">
              {rateText(m.zone.authenticity.rate)}
            </a>{' '}
            （{m.zone.authenticity.valid} / {m.zone.authenticity.records}）
          </dd>
        </div>
        <div>
          <dt>{z.sealFiling}</dt>
          <dd>
            <a href="/registry/gaps?kind=seal-not-filed" id="zone-seal-filing">
              {rateText(sealFiling.rate)}
            </a>{' '}
            （{sealFiling.filed} / {sealFiling.active}）
          </dd>
        </div>
        <div>
          <dt>{z.late(m.seals.establishments.late ?? 0)}</dt>
          <dd>
            <a href="/registry/gaps?kind=seal-set-late">{REGISTRY.table.drill}</a>
          </dd>
        </div>
      </dl>
      <p>
        <a href="/registry/gaps" id="gaps-link">
          {z.gapsLink(openGaps)}
        </a>
      </p>
      {m.rows.length === 0 ? (
        <p class="empty">{REGISTRY.empty}</p>
      ) : (
        <>
          {(
            [
              ['coverage-by-department', REGISTRY.charts.coverageByDepartment, m.byDepartment, 'coverage'],
              ['coverage-by-type', REGISTRY.charts.coverageByType, m.byLicenceType, 'coverage'],
              ['authenticity-by-department', REGISTRY.charts.authenticityByDepartment, m.byDepartment, 'authenticity'],
            ] as const
          ).map(([id, title, groups, measure]) => (
            <RateChart id={id} title={title} groups={groups} measure={measure} label={labelOf} />
          ))}
          <h2>{t.heading}</h2>
          <table class="table" id="registry-table">
            <TableHead
              columns={[
                t.licenceType,
                t.department,
                t.month,
                t.granted,
                t.aggregated,
                t.coverage,
                t.lagP95,
                t.missed,
                t.records,
                t.authenticity,
                t.gaps,
              ]}
            />
            <tbody>
              {m.rows.map((f) => (
                <tr data-department={f.department} data-licence-type={f.licenceType}>
                  <td>{typeName(f.licenceType)}</td>
                  <td>{departmentName(f.department)}</td>
                  <td>{f.month}</td>
                  <td>{f.coverage.granted}</td>
                  <td>{f.coverage.aggregated}</td>
                  <td>{rateText(f.coverage.rate)}</td>
                  <td>{REGISTRY.duration(f.lag.p95Ms)}</td>
                  <td>{f.lag.missedWindow}</td>
                  <td>{f.authenticity.records}</td>
                  <td>{rateText(f.authenticity.rate)}</td>
                  <td>
                    <a
                      href={`/registry/gaps?department=${encodeURIComponent(f.department)}&licenceType=${encodeURIComponent(f.licenceType)}&month=${encodeURIComponent(f.month)}`}
                    >
                      {t.drill}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}

/** One rate per group as bars scaled to the goal (the full width is 100 %). */
function RateChart(props: {
  id: string;
  title: string;
  groups: readonly Figures[];
  measure: 'coverage' | 'authenticity';
  label: (f: Figures) => string;
}): VNode {
  const bars = props.groups.map((f) => ({
    label: props.label(f),
    value: f[props.measure].rate,
    text: rateText(f[props.measure].rate),
  }));
  return <BarChart id={props.id} title={props.title} max={1} bars={bars} />;
}
