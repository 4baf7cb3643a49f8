import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { FieldError } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { cookieOptions, SESSION_COOKIE } from './cookies';
import { LoginRequired } from './gateway.client';
import { localPath, sendPage } from './html';
import { ErrorSummary, Layout, renderPage } from './layout';
import { LAYOUT, fieldLabel } from './layout.strings';
import { WebRequest } from './web-session.guard';

/** Labels of every form field of the console's pages, for the error page (each page's strings name its own). */
export const FIELD_LABELS: Record<string, string> = { ...LAYOUT.errors.fields };

/** Registers a page's field labels (its strings module's `fields`). */
export function registerFieldLabels(labels: Record<string, string>): void {
  Object.assign(FIELD_LABELS, labels);
}

/**
 * The console's pages answer errors as pages, not as problem JSON: no session → the login page (303, back here
 * after); a refusal (the console's own checks, or the gateway's and the apps' problem details) → a page saying what
 * went wrong and naming each field with its rule.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof LoginRequired) {
      response.clearCookie(SESSION_COOKIE, cookieOptions(request.secure));
      const next = request.method === 'GET' ? localPath(request.originalUrl) : '/';
      response.redirect(303, next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
      return;
    }
    let status = 500;
    let detail: string | undefined;
    let errors: FieldError[] = [];
    if (exception instanceof ProblemException) {
      status = exception.getStatus();
      detail = exception.message;
      errors = exception.errors ?? [];
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      detail = exception.message;
    } else {
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
    const title = LAYOUT.errors.title(status);
    sendPage(
      response,
      status,
      renderPage(
        <Layout title={title} session={request.webSession}>
          <h1>{title}</h1>
          {errors.length > 0 && (
            <ErrorSummary
              title={LAYOUT.errors.summary}
              errors={errors.map((e) => ({
                label: `${LAYOUT.errors.field} ${fieldLabel(FIELD_LABELS, e.field)}（${e.field}，${e.rule}）`,
                message: e.message,
              }))}
            />
          )}
          {status < 500 && errors.length === 0 && detail && <p class="detail">{detail}</p>}
          <p>
            <a href={backLink(request.headers.referer)}>{LAYOUT.errors.back}</a>
          </p>
        </Layout>,
      ),
    );
  }
}

/** Back to the page the form was on (this console's only), else home. */
function backLink(referer: string | undefined): string {
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return localPath(url.pathname + url.search);
  } catch {
    return '/';
  }
}
