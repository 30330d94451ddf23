// What a service is to the gateway: a prefix, a request handler, optionally a websocket upgrade
// handler, and a way to stop. Each service gets the context and its dependencies, nothing else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestContext } from './context.ts';

export interface Service {
  name: string;
  /**
   * URL prefix without trailing slash, e.g. `/rest/v1`; the longest matching prefix wins.
   * Omitted for background services (e.g. the cron scheduler) that answer no requests.
   */
  prefix?: string;
  /** When false the gateway does not answer CORS preflight for this prefix (functions answer their own). */
  gatewayCors?: boolean;
  handle?(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, ctx: RequestContext): void;
  close?(): Promise<void>;
}
