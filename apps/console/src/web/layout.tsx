import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { departmentByCode } from '@hub/contracts';
import { CSRF_FIELD } from './csrf';
import { LAYOUT } from './layout.strings';
import { Page, withQuery } from './format';
import { Role, WebSession, hasRole } from './person';

type NavKey = keyof typeof LAYOUT.nav;

/** What each role may open; the server checks each page and form again (RequireRoles). */
export const NAVIGATION: readonly { key: NavKey; href: string; roles: readonly Role[] }[] = [
  { key: 'ledger', href: '/ledger', roles: ['supervisor', 'viewer', 'coordinator', 'operator', 'auditor'] },
  { key: 'queue', href: '/queue', roles: ['coordinator'] },
  {
    key: 'timeline',
    href: '/approvals',
    roles: ['supervisor', 'viewer', 'coordinator', 'operator', 'auditor', 'admin'],
  },
  { key: 'stats', href: '/stats', roles: ['supervisor', 'viewer', 'coordinator', 'operator', 'auditor', 'admin'] },
  { key: 'people', href: '/admin/people', roles: ['admin'] },
  { key: 'audit', href: '/audit', roles: ['auditor', 'admin'] },
  {
    key: 'registry',
    href: '/registry',
    roles: ['supervisor', 'viewer', 'coordinator', 'operator', 'auditor', 'admin'],
  },
  { key: 'operations', href: '/operations', roles: ['operator', 'auditor', 'admin'] },
  { key: 'eventLedger', href: '/event-ledger', roles: ['operator', 'auditor', 'admin'] },
  { key: 'deadLetters', href: '/dead-letters', roles: ['operator', 'auditor'] },
  { key: 'deadLetterRecords', href: '/dead-letter-records', roles: ['operator', 'auditor', 'admin'] },
  { key: 'inspection', href: '/inspection', roles: ['supervisor', 'viewer', 'operator', 'auditor', 'admin'] },
];

export function navigationFor(session: WebSession): typeof NAVIGATION {
  return NAVIGATION.filter((item) => hasRole(session.person, ...item.roles));
}

export function departmentName(code: string | null | undefined): string {
  if (!code) return '—';
  return departmentByCode(code)?.name ?? code;
}

/** The whole document: `<!DOCTYPE html>` and the page, escaped by preact wherever it interpolates. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

export function Layout(props: {
  title: string;
  session?: WebSession;
  current?: NavKey;
  /** Seconds after which the browser loads the page again (a live page, by polling). */
  refreshSeconds?: number;
  /** Scripts the page needs beyond console.js (the draw verifier). */
  scripts?: readonly string[];
  children: ComponentChildren;
}): VNode {
  const { title, session, current, children } = props;
  return (
    <html lang={LAYOUT.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${LAYOUT.service}`}</title>
        {props.refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer />
        {props.scripts?.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {LAYOUT.skipToContent}
        </a>
        <header class="header">
          <span class="service">{LAYOUT.service}</span>
          {session && (
            <div class="account">
              <span data-testid="signed-in-as">
                {LAYOUT.signedInAs(session.person.displayName, departmentName(session.person.department))}
                {' · '}
                {session.person.roles.map((r) => LAYOUT.roles[r as Role] ?? r).join('、')}
              </span>
              <form method="post" action="/logout" class="inline">
                <CsrfField session={session} />
                <button type="submit" class="link-button">
                  {LAYOUT.logout}
                </button>
              </form>
            </div>
          )}
        </header>
        {session && (
          <nav class="nav" aria-label="主导航">
            <ul>
              {navigationFor(session).map((item) => (
                <li>
                  <a href={item.href} aria-current={item.key === current ? 'page' : undefined}>
                    {LAYOUT.nav[item.key]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="main">
          {children}
        </main>
      </body>
    </html>
  );
}

/** The session's CSRF token, in every form. */
export function CsrfField(props: { session: WebSession }): VNode {
  return <input type="hidden" name={CSRF_FIELD} value={props.session.csrf} />;
}

/** An error summary at the top of a page: each failing field by its label, with what to do. */
export function ErrorSummary(props: {
  title: string;
  /** `href`: the field on this page (`#reason`), when it is here to correct. */
  errors: { label: string; message: string; href?: string }[];
}): VNode {
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{props.title}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            {e.href ? <a href={e.href}>{e.label}</a> : e.label}：{e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message after an action that worked ("已认领 …"). */
export function Notice(props: { text?: string }): VNode | null {
  return props.text ? (
    <div class="notice" role="status">
      {props.text}
    </div>
  ) : null;
}

/** Previous / next links of a paginated table, keeping the page's other query parameters. */
export function Pagination(props: {
  page: Page<unknown>;
  path: string;
  query: Record<string, string | undefined>;
  param: string;
}): VNode | null {
  const { page, path, query, param } = props;
  if (page.pageCount <= 1) return null;
  const { label, previous, next } = LAYOUT.pagination;
  return (
    <nav class="pagination" aria-label={label(page.page, page.pageCount, page.total)}>
      {page.page > 1 && (
        <a rel="prev" href={withQuery(path, query, { [param]: String(page.page - 1) })}>
          {previous}
        </a>
      )}
      <span>{label(page.page, page.pageCount, page.total)}</span>
      {page.page < page.pageCount && (
        <a rel="next" href={withQuery(path, query, { [param]: String(page.page + 1) })}>
          {next}
        </a>
      )}
    </nav>
  );
}

/** A labelled form field, its error message beside it. */
export function Field(props: { id: string; label: string; error?: string; children: ComponentChildren }): VNode {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.error && (
        <p class="error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** A list's filter: one search field (`?q=`, kept in the URL so that it survives a reload) and its button. */
export function FilterForm(props: { action: string; label: string; apply: string; value?: string }): VNode {
  return (
    <form method="get" action={props.action} class="filter">
      <Field id="q" label={props.label}>
        <input id="q" name="q" type="search" value={props.value ?? ''} />
      </Field>
      <button type="submit">{props.apply}</button>
    </form>
  );
}

/** An approval's id, linked to its timeline. */
export function TimelineLink(props: { approvalId: string; text?: string }): VNode {
  return <a href={`/approvals/${encodeURIComponent(props.approvalId)}`}>{props.text ?? props.approvalId}</a>;
}

/** A table's header row; a column given as false is left out (a column shown on some lists only). */
export function TableHead(props: { columns: (string | false)[] }): VNode {
  return (
    <thead>
      <tr>
        {props.columns
          .filter((c) => c !== false)
          .map((c) => (
            <th scope="col">{c}</th>
          ))}
      </tr>
    </thead>
  );
}
