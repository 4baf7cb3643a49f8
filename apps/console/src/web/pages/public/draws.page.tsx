import type { VNode } from 'preact';
import { formatDateTime } from '../../format';
import { Layout, TableHead, departmentName } from '../../layout';
import { DRAWS } from './draws.strings';

export interface DrawSummary {
  id: string;
  planId: string;
  drawnAt: string;
  witness: string;
  status: string;
}

export function DrawsPage(props: { draws: DrawSummary[] }): VNode {
  const c = DRAWS.columns;
  return (
    <Layout title={DRAWS.title}>
      <h1>{DRAWS.title}</h1>
      <p>{DRAWS.intro}</p>
      {props.draws.length === 0 ? (
        <p class="empty">{DRAWS.empty}</p>
      ) : (
        <table class="table">
          <TableHead columns={[c.id, c.plan, c.drawnAt, c.witness, c.status]} />
          <tbody>
            {props.draws.map((d) => (
              <tr>
                <td>
                  <a href={`/public/draws/${encodeURIComponent(d.id)}`}>{d.id}</a>
                </td>
                <td>{d.planId}</td>
                <td>{formatDateTime(d.drawnAt)}</td>
                <td>{d.witness}</td>
                <td>{DRAWS.status[d.status] ?? d.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

interface Target {
  uscc: string;
  stratum: string;
  teams: Record<string, string[] | null>;
}

/** One record: what it fixed and what it drew, the inspectors by name and certificate number, and the verify button. */
export function DrawPage(props: { id: string; record: Record<string, unknown> }): VNode {
  const r = props.record as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const t = DRAWS.record;
  const inspectors = (r.inspectors ?? {}) as Record<string, { name: string; certificateNo: string }>;
  const json = `/public/v1/draws/${encodeURIComponent(props.id)}`;
  const row = (label: string, value: unknown) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="mono">{value === undefined || value === null ? '—' : String(value)}</td>
    </tr>
  );
  return (
    <Layout title={t.title(props.id)} scripts={['/assets/draw-verify.js']}>
      <p>
        <a href="/public/draws">{DRAWS.back}</a>
      </p>
      <h1>{t.title(props.id)}</h1>
      <p>
        <button type="button" class="button" data-draw-verify={json}>
          {t.verify}
        </button>{' '}
        <a href={json}>{t.json}</a>
      </p>
      <p class="hint">{t.verifyHint}</p>
      <div data-draw-verify-output aria-live="polite" />
      <table class="table">
        <tbody>
          {row(t.plan, r.planId)}
          {row(t.departments, (r.departments as { code: string }[]).map((d) => departmentName(d.code)).join('、'))}
          {row(DRAWS.columns.status, DRAWS.status[r.status] ?? r.status)}
          {r.voided && row(t.voided, r.voided.reason)}
          {r.replaces && row(t.replaces, `${r.replaces}（${r.replacesReason ?? ''}）`)}
          {row(t.lockedAt, formatDateTime(r.lockedAt))}
          {row(t.drawnAt, formatDateTime(r.drawnAt))}
          {row(t.commitment, r.commitment)}
          {row(t.candidateDigest, r.candidateDigest)}
          {row(t.witness, r.witness)}
          {row(t.entropy, r.entropy)}
          {row(t.secretHex, r.secretHex)}
          {row(t.seedHex, r.seedHex)}
          {row(
            t.strata,
            (r.strata as { name: string; ratioBp: number; candidates: string[] }[])
              .map((s) => `${DRAWS.strata[s.name] ?? s.name} ${s.ratioBp / 100}%（${s.candidates.length}）`)
              .join('；'),
          )}
        </tbody>
      </table>
      <h2>{t.targets}</h2>
      <table class="table">
        <TableHead columns={[t.targetColumns.uscc, t.targetColumns.stratum, t.targetColumns.teams]} />
        <tbody>
          {(r.targets as Target[]).map((target) => (
            <tr>
              <td class="mono">{target.uscc}</td>
              <td>{DRAWS.strata[target.stratum] ?? target.stratum}</td>
              <td>
                {Object.entries(target.teams).map(([code, team]) => (
                  <div>
                    {departmentName(code)}：
                    {team === null
                      ? t.unstaffed
                      : team
                          .map((id) => `${inspectors[id]?.name ?? ''}（${inspectors[id]?.certificateNo ?? id}）`)
                          .join('、')}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
