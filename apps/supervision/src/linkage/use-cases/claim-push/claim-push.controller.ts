import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { FieldError, prefixFieldErrors } from '@hub/contracts';
import { PROBLEM_TYPE_BASE, ProblemException, validateItem } from '@hub/platform';
import { AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import { ClaimDto } from './claim.dto';
import { ClaimOutcome, ClaimPush } from './claim-push.use-case';

/** Most claims in one POST /v1/claims:batch. */
export const MAX_CLAIMS_PER_BATCH = 500;

/** One claim of a batch answered: the push as claimed, or an RFC 9457 problem for that claim alone. */
export interface ClaimResult {
  index: number;
  status: number;
  /** False when the approval was claimed already (by this department): nothing changed. Absent while held (202). */
  claimed?: boolean;
  /** The push as claimed (GET /v1/ledgers has the rest of it). */
  push?: Pick<
    SupervisedPush,
    | 'approvalId'
    | 'department'
    | 'pushId'
    | 'state'
    | 'claimedAt'
    | 'claimedBy'
    | 'supervisionDueDate'
    | 'supervisionDueAt'
    | 'heldUntil'
  >;
  problem?: { type: string; title: string; status: number; detail: string; errors?: FieldError[] };
}

/** 认领 for the supervising departments' systems and supervisors: a department claims only its own pushes. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class ClaimPushController {
  constructor(private readonly claimPush: ClaimPush) {}

  /** 200 with the push as claimed; 202 with the claim held (state `held`, `heldUntil`) when the push has not come. */
  @Post('claims')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  @HttpCode(200)
  async claim(
    @Body() dto: ClaimDto,
    @Res({ passthrough: true }) response: Response,
    @CallerDepartment() department: string,
  ): Promise<SupervisedPush> {
    const { status, push } = await this.claimPush.claim(department, dto);
    response.status(status);
    return push;
  }

  /**
   * Claims up to MAX_CLAIMS_PER_BATCH approvals (a JSON array of claims), each as POST /v1/claims would: 200 when
   * every one is claimed (or was already), 207 when some are not (held until their push, or refused); see each
   * result.
   */
  @Post('claims\\:batch')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  async claimBatch(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
    @CallerDepartment() department: string,
  ): Promise<{ claimed: number; held: number; refused: number; results: ClaimResult[] }> {
    if (!Array.isArray(body) || body.length === 0) {
      throw new ProblemException(400, 'invalid-request', 'a batch is a non-empty JSON array of claims', [
        { field: 'body', rule: 'isArray', message: 'send a JSON array of claims, at least one' },
      ]);
    }
    if (body.length > MAX_CLAIMS_PER_BATCH) {
      throw new ProblemException(
        413,
        'payload-too-large',
        `a batch holds at most ${MAX_CLAIMS_PER_BATCH} claims; this one has ${body.length}`,
        [{ field: 'body', rule: 'arrayMaxSize', message: `split the batch: at most ${MAX_CLAIMS_PER_BATCH} claims` }],
      );
    }
    const checked = body.map((item) => validateItem(ClaimDto, item));
    const valid = checked.flatMap((c, index) => (c.ok ? [{ index, dto: c.value }] : []));
    const outcomes = await this.claimPush.claimAll(
      department,
      valid.map((v) => v.dto),
    );
    const results: ClaimResult[] = checked.map((c, index) =>
      c.ok
        ? { index, status: 0 }
        : problemResult(
            index,
            400,
            'invalid-request',
            'the claim is invalid',
            prefixFieldErrors(`[${index}]`, c.errors),
          ),
    );
    valid.forEach(({ index }, i) => (results[index] = claimResult(index, outcomes[i])));
    const claimed = results.filter((r) => r.status === 200).length;
    const held = results.filter((r) => r.status === 202).length;
    response.status(claimed === results.length ? 200 : 207);
    return { claimed, held, refused: results.length - claimed - held, results };
  }
}

function claimResult(index: number, outcome: ClaimOutcome): ClaimResult {
  if (outcome.status !== 200 && outcome.status !== 202)
    return problemResult(index, outcome.status, outcome.type, outcome.detail, outcome.errors);
  const p = outcome.push;
  const push = {
    approvalId: p.approvalId,
    department: p.department,
    pushId: p.pushId,
    state: p.state,
    claimedAt: p.claimedAt,
    claimedBy: p.claimedBy,
    supervisionDueDate: p.supervisionDueDate,
    supervisionDueAt: p.supervisionDueAt,
    heldUntil: p.heldUntil,
  };
  return outcome.status === 200 ? { index, status: 200, claimed: outcome.claimed, push } : { index, status: 202, push };
}

function problemResult(
  index: number,
  status: number,
  type: string,
  detail: string,
  errors?: FieldError[],
): ClaimResult {
  const title = status === 400 ? 'bad request' : status === 403 ? 'forbidden' : 'conflict';
  return { index, status, problem: { type: PROBLEM_TYPE_BASE + type, title, status, detail, errors } };
}
