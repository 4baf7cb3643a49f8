import { Controller, Get, UseFilters, UseGuards } from '@nestjs/common';
import { HtmlPage } from '../../html';
import { Layout, renderPage } from '../../layout';
import { WebErrorFilter } from '../../web-error.filter';
import { PublicPage, WebSessionGuard } from '../../web-session.guard';
import { PUBLIC } from './public.strings';

/** `/public/…`: for everyone, no login. Later issues publish 一公开 here. */
@Controller('public')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@PublicPage()
export class PublicController {
  @Get()
  @HtmlPage()
  index(): string {
    return renderPage(
      <Layout title={PUBLIC.title}>
        <h1>{PUBLIC.title}</h1>
        <p>{PUBLIC.intro}</p>
        <p class="empty">{PUBLIC.nothingYet}</p>
        <p>
          <a href="/login">{PUBLIC.staff}</a>
        </p>
      </Layout>,
    );
  }
}
