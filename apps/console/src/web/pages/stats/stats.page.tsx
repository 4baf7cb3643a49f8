import type { VNode } from 'preact';
import type { DepartmentStats } from '@hub/sdk';
import { Layout, TableHead, departmentName } from '../../layout';
import type { WebSession } from '../../person';
import { BarChart } from './bar-chart';
import { STATS } from './stats.strings';

export function StatsPage(props: { session: WebSession; stats: DepartmentStats[] }): VNode {
  const { stats } = props;
  const t = STATS.table;
  const rate = (s: DepartmentStats) => (s.claimRate === null ? STATS.none : STATS.percent(s.claimRate));
  const median = (s: DepartmentStats) =>
    s.medianClaimSeconds === null ? STATS.none : STATS.duration(s.medianClaimSeconds);
  return (
    <Layout title={STATS.title} session={props.session} current="stats">
      <h1>{STATS.title}</h1>
      <p>{STATS.intro}</p>
      {stats.length === 0 ? (
        <p class="empty">{STATS.empty}</p>
      ) : (
        <>
          <BarChart
            id="claim-rate"
            title={STATS.charts.claimRate}
            max={1}
            bars={stats.map((s) => ({ label: departmentName(s.department), value: s.claimRate, text: rate(s) }))}
          />
          <BarChart
            id="median-claim"
            title={STATS.charts.medianClaim}
            bars={stats.map((s) => ({
              label: departmentName(s.department),
              value: s.medianClaimSeconds,
              text: median(s),
            }))}
          />
          <BarChart
            id="overdue"
            title={STATS.charts.overdue}
            bars={stats.map((s) => ({
              label: departmentName(s.department),
              value: s.overdue,
              text: STATS.count(s.overdue),
            }))}
          />
          <h2>{t.heading}</h2>
          <table class="table" id="stats-table">
            <TableHead columns={[t.department, t.pushed, t.claimed, t.claimRate, t.medianClaim, t.overdue]} />
            <tbody>
              {stats.map((s) => (
                <tr data-department={s.department}>
                  <td>{departmentName(s.department)}</td>
                  <td>{s.pushed}</td>
                  <td>{s.claimed}</td>
                  <td>{rate(s)}</td>
                  <td>{median(s)}</td>
                  <td>{s.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
