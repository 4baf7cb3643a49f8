import { Body, Controller, Get, Param, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import type { DeadLetterSummary, DeadLetterView, DeadLetterWithoutValue } from '../../../dead-letters/dead-letter.view';
import type { ReplayOutcome } from '../../../dead-letters/dead-letters.service';
import type { DeadLetterAction } from '../../../dead-letters/entities/dead-letter-action.entity';
import { withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import { WebSession, hasRole } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { DeadLetterPage } from './dead-letter.page';
import {
  DeadLettersPageQuery,
  DiscardForm,
  LetterIdParams,
  LetterPageQuery,
  NoteField,
  ReplayMatchingForm,
  ReplaySelectedForm,
  apiFilter,
  pageFilter,
} from './dead-letters.forms';
import { DEAD_LETTERS_PAGE_SIZE, DeadLettersPage } from './dead-letters.page';
import { DEAD_LETTERS } from './dead-letters.strings';

registerFieldLabels(DEAD_LETTERS.fields);

/**
 * The operators' dead letters, read and acted on through the gateway's door as the person (so that every change is
 * also in the gateway's audit of people's actions, and the console app records who did what and who opened what).
 * Auditors read; the forms are absent for them, and each POST requires the operator role here and in the app.
 */
@Controller('dead-letters')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('operator', 'auditor')
export class DeadLettersPageController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async list(
    @Query() query: DeadLettersPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    // One more than a page: whether there is a next one.
    const target = withQuery('/v1/console/dead-letters', apiFilter(query), {
      before: query.before,
      limit: String(DEAD_LETTERS_PAGE_SIZE + 1),
    });
    const letters = await this.gateway.call<DeadLetterSummary[]>(session, from, 'GET', target);
    return renderPage(
      <DeadLettersPage
        session={session}
        filter={pageFilter(query)}
        letters={letters.slice(0, DEAD_LETTERS_PAGE_SIZE)}
        next={letters.length > DEAD_LETTERS_PAGE_SIZE ? letters[DEAD_LETTERS_PAGE_SIZE - 1]!.id : undefined}
        paged={query.before !== undefined}
        acts={hasRole(session.person, 'operator')}
        outcome={
          query.replayed !== undefined
            ? { replayed: Number(query.replayed), refused: Number(query.refused ?? 0) }
            : undefined
        }
      />,
    );
  }

  @Post('replay')
  @RequireRoles('operator')
  @Redirect('/dead-letters', 303)
  async replaySelected(
    @Body() form: ReplaySelectedForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    const outcome = await this.gateway.call<ReplayOutcome>(session, from, 'POST', '/v1/console/dead-letters/replay', {
      ids: form.ids,
      ...(form.note ? { note: form.note } : {}),
    });
    return { url: outcomeUrl({}, outcome) };
  }

  @Post('replay-matching')
  @RequireRoles('operator')
  @Redirect('/dead-letters', 303)
  async replayMatching(
    @Body() form: ReplayMatchingForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    const filter = Object.fromEntries(Object.entries(apiFilter(form)).filter(([, v]) => v !== undefined));
    const outcome = await this.gateway.call<ReplayOutcome>(session, from, 'POST', '/v1/console/dead-letters/replay', {
      filter,
      ...(form.note ? { note: form.note } : {}),
    });
    return { url: outcomeUrl(pageFilter(form), outcome) };
  }

  /** One letter: opening it opens its payload (recorded by the app), unless the person's roles may not see it. */
  @Get(':id')
  @HtmlPage()
  async letter(
    @Param() params: LetterIdParams,
    @Query() query: LetterPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const path = `/v1/console/dead-letters/${params.id}`;
    const letter = await this.gateway.call<DeadLetterView | DeadLetterWithoutValue>(session, from, 'GET', path);
    const history = await this.gateway.call<DeadLetterAction[]>(
      session,
      from,
      'GET',
      `/v1/console/dead-letters/actions?letter=${params.id}&limit=100`,
    );
    return renderPage(
      <DeadLetterPage
        session={session}
        letter={letter}
        history={history}
        acts={hasRole(session.person, 'operator')}
        done={query.done}
      />,
    );
  }

  @Post(':id/replay')
  @RequireRoles('operator')
  @Redirect('/dead-letters', 303)
  async replay(
    @Param() params: LetterIdParams,
    @Body() form: NoteField,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    return this.act(session, from, params.id, 'replay', form.note ? { note: form.note } : {});
  }

  @Post(':id/discard')
  @RequireRoles('operator')
  @Redirect('/dead-letters', 303)
  async discard(
    @Param() params: LetterIdParams,
    @Body() form: DiscardForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    return this.act(session, from, params.id, 'discard', { note: form.note });
  }

  /** The console app's `POST /v1/dead-letters/<id>/<action>` as the person; then back to the letter. */
  private async act(
    session: WebSession,
    from: string,
    id: string,
    action: 'replay' | 'discard',
    body: { note?: string },
  ): Promise<{ url: string }> {
    await this.gateway.call(session, from, 'POST', `/v1/console/dead-letters/${id}/${action}`, body);
    return { url: `/dead-letters/${id}?done=${action === 'replay' ? 'replayed' : 'discarded'}` };
  }
}

function outcomeUrl(filter: Record<string, string | undefined>, outcome: ReplayOutcome): string {
  return withQuery('/dead-letters', filter, {
    replayed: String(outcome.replayed.length),
    refused: String(outcome.refused.length),
  });
}
