import { Body, Controller, Get, Param, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import { withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import { WebSession, hasRole } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { DrawForm, LockForm, PlanPageQuery } from './inspection.forms';
import { InspectionPage, PlanDetail, PlanPage, PlanRow, TaskRow } from './inspection.page';
import { INSPECTION } from './inspection.strings';

registerFieldLabels(INSPECTION.fields);

const planPath = (id: string) => `/v1/inspection/plans/${encodeURIComponent(id)}`;

/**
 * 双随机抽查 for the departments' people: their plans and tasks; the lead's supervisors lock, the plan's departments'
 * supervisors draw with the witness's entropy. The inspection app checks role and department again on every call.
 */
@Controller('inspection')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('supervisor', 'viewer', 'operator', 'auditor', 'admin')
export class InspectionController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async index(@Session() session: WebSession, @ClientAddress() from: string): Promise<string> {
    const department = session.person.department;
    const [plans, tasks] = await Promise.all([
      this.gateway.call<PlanRow[]>(session, from, 'GET', `/v1/inspection/plans?department=${department}`),
      this.gateway.call<TaskRow[]>(session, from, 'GET', `/v1/inspection/tasks?department=${department}`),
    ]);
    return renderPage(<InspectionPage session={session} plans={plans} tasks={tasks} />);
  }

  @Get('plans/:id')
  @HtmlPage()
  async plan(
    @Param('id') id: string,
    @Query() query: PlanPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const plan = await this.gateway.call<PlanDetail>(session, from, 'GET', planPath(id));
    const { person } = session;
    const supervisor = hasRole(person, 'supervisor');
    return renderPage(
      <PlanPage
        session={session}
        plan={plan}
        mayLock={supervisor && plan.state === 'draft' && plan.leadDepartment === person.department}
        mayDraw={supervisor && plan.state === 'locked' && plan.departments.some((d) => d.code === person.department)}
        notice={query.done ? INSPECTION.done[query.done]!(id) : undefined}
      />,
    );
  }

  @Post('plans/:id/lock')
  @RequireRoles('supervisor')
  @Redirect('/inspection', 303)
  async lock(
    @Param('id') id: string,
    @Body() _form: LockForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    await this.gateway.call(session, from, 'POST', `${planPath(id)}/lock`);
    return { url: withQuery(`/inspection/plans/${encodeURIComponent(id)}`, {}, { done: 'locked' }) };
  }

  @Post('plans/:id/draws')
  @RequireRoles('supervisor')
  @Redirect('/inspection', 303)
  async draw(
    @Param('id') id: string,
    @Body() form: DrawForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    await this.gateway.call(session, from, 'POST', `${planPath(id)}/draws`, {
      entropy: form.entropy,
      witness: form.witness,
    });
    return { url: withQuery(`/inspection/plans/${encodeURIComponent(id)}`, {}, { done: 'drawn' }) };
  }
}
