import type { VNode } from 'preact';
import { ErrorSummary, Field, Layout } from '../../layout';
import type { WebSession } from '../../person';
import { EVENT_LEDGER as T } from './event-ledger.strings';

/** The console API's answers, as the page shows them (libs/ledger's types, over HTTP). */
export interface LedgerStatusView {
  size: number;
  keyId: string;
  lastCheckpoint: { size: number; issuedAt: string } | null;
  behind: number | null;
  maxBehind: number;
  tooFarBehind: boolean;
}

export interface LedgerVerificationView {
  ok: boolean;
  from: number;
  to: number;
  verifiedUpTo: number;
  unpinned: number;
  problems: { kind: string; seq?: number; checkpointSize?: number; message: string }[];
}

export function EventLedgerPage(props: {
  session: WebSession;
  status: LedgerStatusView;
  verification?: LedgerVerificationView;
  query: { from?: number; to?: number };
}): VNode {
  const { status, verification, query } = props;
  const s = T.status;
  return (
    <Layout title={T.title} session={props.session} current="eventLedger">
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      {verification && !verification.ok && (
        <ErrorSummary
          title={T.verify.failed}
          errors={verification.problems.map((p) => ({
            label: `${T.verify.problem[p.kind] ?? p.kind}（${T.verify.where(p.seq, p.checkpointSize)}）`,
            message: p.message,
          }))}
        />
      )}
      {verification?.ok && (
        <div class="notice" role="status" id="verification-ok">
          {T.verify.ok(verification.from, verification.to, verification.verifiedUpTo, verification.unpinned)}
        </div>
      )}
      <h2>{s.heading}</h2>
      <dl class="summary" id="ledger-status">
        <dt>{s.size}</dt>
        <dd data-testid="ledger-size">{s.entries(status.size)}</dd>
        <dt>{s.lastCheckpoint}</dt>
        <dd>
          {status.lastCheckpoint ? s.checkpointAt(status.lastCheckpoint.size, status.lastCheckpoint.issuedAt) : s.none}
        </dd>
        <dt>{s.keyId}</dt>
        <dd>
          <code>{status.keyId}</code>
        </dd>
        <dt>{s.behind}</dt>
        <dd data-testid="ledger-behind">
          {status.behind === null ? s.unknown : s.entries(status.behind)}
          {status.tooFarBehind && <strong class="tag tag-red"> {s.tooFarBehind(status.maxBehind)}</strong>}
        </dd>
      </dl>
      <h2>{T.verify.heading}</h2>
      <p class="hint">{T.verify.hint}</p>
      <form method="get" action="/event-ledger" class="compact">
        <input type="hidden" name="verify" value="1" />
        <Field id="from" label={T.verify.from}>
          <input id="from" name="from" inputmode="numeric" value={query.from ?? ''} />
        </Field>
        <Field id="to" label={T.verify.to}>
          <input id="to" name="to" inputmode="numeric" value={query.to ?? ''} />
        </Field>
        <button type="submit" id="verify">
          {T.verify.submit}
        </button>
      </form>
      <h2>{T.export.heading}</h2>
      <p class="hint">{T.export.hint}</p>
      <form method="get" action="/event-ledger/export" class="compact">
        <Field id="export-from" label={T.verify.from}>
          <input id="export-from" name="from" inputmode="numeric" />
        </Field>
        <Field id="export-to" label={T.verify.to}>
          <input id="export-to" name="to" inputmode="numeric" />
        </Field>
        <button type="submit" class="secondary" id="export">
          {T.export.submit}
        </button>
      </form>
    </Layout>
  );
}
