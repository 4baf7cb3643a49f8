import type { VNode } from 'preact';
import type { LedgerStatus } from '../../../event-ledger/event-ledger.service';
import type { Overview } from '../../../operations/operations.service';
import { Layout, TableHead } from '../../layout';
import type { WebSession } from '../../person';
import { BarChart } from '../stats/bar-chart';
import { OPERATIONS as T } from './operations.strings';

/** The console API's overview (its JSON: the same shape), as the page shows it. */
export type OverviewView = Omit<Overview, 'ledger'> & {
  ledger: Pick<LedgerStatus, 'size' | 'behind' | 'tooFarBehind'> | null;
};

export const REFRESH_SECONDS = 10;

const n = (value: number | null): string => (value === null ? T.none : String(value));

export function OperationsPage(props: { session: WebSession; overview: OverviewView; prefix: string }): VNode {
  const { overview } = props;
  const r = T.replicas;
  const short = (name: string) => (name.startsWith(props.prefix) ? name.slice(props.prefix.length) : name);
  return (
    <Layout title={T.title} session={props.session} current="operations" refreshSeconds={REFRESH_SECONDS}>
      <h1>{T.title}</h1>
      <p>{T.intro(REFRESH_SECONDS)}</p>
      <p class="hint">{T.updatedAt(overview.at)}</p>
      <h2>{r.heading}</h2>
      <table class="table" id="replicas">
        <TableHead columns={[r.app, r.url, r.state, r.checks, r.uptime, r.outbox, r.counters]} />
        <tbody>
          {overview.replicas.map((replica) => (
            <tr data-app={replica.app} data-ready={String(replica.ready)}>
              <td>{replica.app}</td>
              <td>
                <code>{replica.url}</code>
              </td>
              <td>
                <strong class={replica.ready ? 'tag tag-green' : 'tag tag-red'}>
                  {replica.ready ? r.ready : replica.error ? r.unreachable : r.notReady}
                </strong>
              </td>
              <td>
                {Object.entries(replica.checks)
                  .map(([name, ok]) => `${name}${ok ? '✓' : '✗'}`)
                  .join(' ')}
              </td>
              <td>{replica.uptimeSeconds === null ? T.none : T.duration(replica.uptimeSeconds)}</td>
              <td>{n(replica.outboxBacklog)}</td>
              <td>
                {[replica.producedTotal, replica.consumedTotal, replica.failedTotal, replica.deadLetteredTotal]
                  .map(n)
                  .join(' / ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{T.lag.heading}</h2>
      {overview.groups.length === 0 ? (
        <p class="empty">{T.lag.none}</p>
      ) : (
        <>
          <BarChart
            id="lag-chart"
            title={T.lag.chart}
            bars={overview.groups.map((g) => ({ label: short(g.group), value: g.lag, text: String(g.lag) }))}
          />
          <p class="hint">{T.lag.trend(overview.trend.length)}</p>
          <table class="table" id="lag">
            <TableHead columns={[T.lag.group, T.lag.partition, T.lag.logEnd, T.lag.committed, T.lag.lag]} />
            <tbody>
              {overview.groups.flatMap((g) =>
                g.partitions.map((p) => (
                  <tr data-group={short(g.group)} data-topic={short(p.topic)} data-partition={String(p.partition)}>
                    <td>{short(g.group)}</td>
                    <td>{`${short(p.topic)}/${p.partition}`}</td>
                    <td>{p.logEnd}</td>
                    <td>{p.committed < 0 ? T.none : p.committed}</td>
                    <td data-lag={String(p.lag)}>{p.lag}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
      <h2>{T.ledger.heading}</h2>
      {overview.ledger ? (
        <p id="ledger-summary">
          <a href="/event-ledger">{T.ledger.size(overview.ledger.size)}</a>，{T.ledger.behind(overview.ledger.behind)}
          {overview.ledger.tooFarBehind && <strong class="tag tag-red"> {T.ledger.tooFar}</strong>}
        </p>
      ) : (
        <p>{T.none}</p>
      )}
      <h2>{T.deadLetters.heading}</h2>
      {overview.deadLetters.length === 0 ? (
        <p class="empty">{T.deadLetters.none}</p>
      ) : (
        <table class="table" id="dead-letters">
          <TableHead columns={[T.deadLetters.topic, T.deadLetters.open]} />
          <tbody>
            {overview.deadLetters.map((d) => (
              <tr>
                <td>{short(d.topic)}</td>
                <td>{d.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
