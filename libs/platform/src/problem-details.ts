import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ValidationPipe,
} from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { FieldError, flattenValidationErrors } from '@hub/contracts';

/** RFC 9457 problem details, with the hub's `errors` extension naming each failing field and rule. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_TYPE_BASE = 'urn:hub:problem:';

/** An HTTP error carrying a problem type of the hub's (e.g. `invalid-request`) and its field errors. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly problemType: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

const DTO_RULES = { whitelist: true, forbidNonWhitelisted: true } as const;

/** Validates every DTO and answers a 400 problem listing every failing field and rule. */
export function hubValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    ...DTO_RULES,
    exceptionFactory: (errors) =>
      new ProblemException(400, 'invalid-request', 'the request is invalid', flattenValidationErrors(errors)),
  });
}

/**
 * One item of a batch checked as the validation pipe checks a whole body, for endpoints that answer per item: the
 * DTO, or every failing field and rule.
 */
export function validateItem<T extends object>(
  dto: ClassConstructor<T>,
  item: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ field: '', rule: 'isObject', message: 'each item must be a JSON object' }] };
  }
  const value = plainToInstance(dto, item);
  const errors = validateSync(value, DTO_RULES);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: flattenValidationErrors(errors) };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      return {
        type: PROBLEM_TYPE_BASE + exception.problemType,
        title: HttpStatus[exception.getStatus()]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
        status: exception.getStatus(),
        detail: exception.message,
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const name = HttpStatus[status]?.toLowerCase().replace(/_/g, '-') ?? 'error';
      const detail =
        exception instanceof BadRequestException ? JSON.stringify(exception.getResponse()) : exception.message;
      return { type: PROBLEM_TYPE_BASE + name, title: name.replace(/-/g, ' '), status, detail };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return { type: PROBLEM_TYPE_BASE + 'internal-error', title: 'internal error', status: 500 };
  }
}
