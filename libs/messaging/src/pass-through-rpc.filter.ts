import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns every handler error into `{ status: 'error', message: 'Internal server error' }`.
 * HubKafkaServer needs the error itself — a RejectedMessage is dead-lettered at once, a database outage is waited
 * out, anything else is retried — so this filter hands it on unchanged.
 */
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
