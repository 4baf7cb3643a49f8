import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

/** Where a message came from, as handlers and dead letters need it. */
export interface HubMessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  timestamp: string;
}

/**
 * What a handler gets besides the event(s): the transaction its effects must use (the inbox row that marks the
 * event as applied commits with it) and the messages' origin.
 */
export class HubContext extends BaseRpcContext<[HubMessageMeta[], EntityManager]> {
  /** The transaction of this delivery: write every effect through it. */
  get manager(): EntityManager {
    return this.args[1];
  }

  get messages(): HubMessageMeta[] {
    return this.args[0];
  }
}
