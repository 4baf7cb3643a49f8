import type { VNode } from 'preact';
import { formatDate, formatDateTime } from '../../format';
import { Field, Layout, TableHead } from '../../layout';
import type { WebSession } from '../../person';
import type { Gap } from './gaps.page';
import { REGISTRY } from './registry.strings';

interface Version {
  version: number;
  type?: string;
  eventType?: string;
  status?: string;
  receivedAt: string;
  failedCheck?: string | null;
}

export interface Holder {
  uscc: string;
  withheld: number;
  licences: {
    licenceId: string;
    licenceName: string;
    status: string;
    validFrom: string;
    validUntil: string | null;
    failedCheck: string | null;
    failedDetail: string | null;
    history: Version[];
  }[];
  seals: {
    sealCode: string;
    sealName: string;
    sealType: string;
    status: string;
    filingNo: string | null;
    filedAt: string | null;
    history: Version[];
  }[];
  gaps: Gap[];
}

const verb = (type: string | undefined) => /\.([a-z-]+)\.v\d+$/.exec(type ?? '')?.[1] ?? '';

/** Asks why (the query is recorded), then shows the enterprise's licences, seals, their versions and its gaps. */
export function EnterprisePage(props: { session: WebSession; uscc: string; holder?: Holder; error?: string }): VNode {
  const e = REGISTRY.enterprise;
  const { holder } = props;
  return (
    <Layout title={e.title(props.uscc)} session={props.session} current="registry">
      <h1>{e.title(props.uscc)}</h1>
      <form method="get" action={`/registry/enterprises/${props.uscc}`}>
        <p>{e.purposeIntro}</p>
        <Field id="purpose" label={e.purpose} error={props.error}>
          <input id="purpose" name="purpose" type="text" placeholder={e.purposeHint} maxLength={200} />
        </Field>
        <button type="submit" class="button">
          {e.submit}
        </button>
      </form>
      {holder && (
        <>
          <h2>{e.licences}</h2>
          {holder.withheld > 0 && <p>{e.withheld(holder.withheld)}</p>}
          {holder.licences.length === 0 ? (
            <p class="empty">{e.noLicences}</p>
          ) : (
            <table class="table" id="licences-table">
              <TableHead columns={[...e.licenceColumns, e.history]} />
              <tbody>
                {holder.licences.map((l) => (
                  <tr data-licence={l.licenceId}>
                    <td>{l.licenceName}</td>
                    <td>{l.licenceId}</td>
                    <td>{REGISTRY.statuses[l.status] ?? l.status}</td>
                    <td>
                      {formatDate(l.validFrom)} – {formatDate(l.validUntil)}
                    </td>
                    <td>
                      {l.failedCheck
                        ? `${REGISTRY.checks[l.failedCheck] ?? l.failedCheck}：${l.failedDetail ?? ''}`
                        : e.valid}
                    </td>
                    <td>
                      <ol>
                        {l.history.map((v) => (
                          <li>
                            {formatDateTime(v.receivedAt)} {REGISTRY.statuses[verb(v.type)] ?? verb(v.type)}
                            {v.failedCheck ? `（${REGISTRY.checks[v.failedCheck] ?? v.failedCheck}未通过）` : ''}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{e.seals}</h2>
          {holder.seals.length === 0 ? (
            <p class="empty">{e.noSeals}</p>
          ) : (
            <table class="table" id="seals-table">
              <TableHead columns={[...e.sealColumns, e.history]} />
              <tbody>
                {holder.seals.map((s) => (
                  <tr data-seal={s.sealCode}>
                    <td>{s.sealName}</td>
                    <td>{s.sealCode}</td>
                    <td>{s.sealType}</td>
                    <td>{REGISTRY.statuses[s.status] ?? s.status}</td>
                    <td>{s.filingNo ? e.filed(s.filingNo) : e.notFiled}</td>
                    <td>
                      <ol>
                        {s.history.map((v) => (
                          <li>
                            {formatDateTime(v.receivedAt)} {verb(v.eventType)}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{e.gaps}</h2>
          {holder.gaps.length === 0 ? (
            <p class="empty">{e.noGaps}</p>
          ) : (
            <ul id="enterprise-gaps">
              {holder.gaps.map((g) => (
                <li>
                  {REGISTRY.kinds[g.kind] ?? g.kind}：{g.detail}（{formatDateTime(g.since)}
                  {g.closedAt ? `，${REGISTRY.gaps.closedAt(formatDateTime(g.closedAt))}` : ''}）
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}
