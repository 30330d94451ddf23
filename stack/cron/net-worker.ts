// pg_net's background worker: takes committed requests from net.http_request_queue, sends them with
// fetch, and writes net._http_response under the same id (status, headers, body, or the error /
// timeout). Woken by NOTIFY atrium_net (sent on commit) and by a poll as a fallback.
import pg from 'pg';

const BATCH = 50;
const POLL_MS = 1000;
const TTL_SQL = `delete from net._http_response where created < now() - coalesce(nullif(current_setting('pg_net.ttl', true), ''), '6 hours')::interval`;

export interface QueuedRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  timeout_milliseconds: number;
}

export interface NetResponse {
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean | null;
  error_msg: string | null;
}

export async function send(request: QueuedRequest): Promise<NetResponse> {
  const started = performance.now();
  try {
    const res = await fetch(request.url, {
      method: request.method.toUpperCase(),
      headers: request.headers,
      body: request.body && request.method.toUpperCase() !== 'GET' ? new Uint8Array(request.body) : undefined,
      signal: AbortSignal.timeout(request.timeout_milliseconds),
      redirect: 'follow',
    });
    const content = await res.text();
    return {
      status_code: res.status,
      content_type: res.headers.get('content-type'),
      headers: Object.fromEntries(res.headers),
      content,
      timed_out: false,
      error_msg: null,
    };
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    const elapsed = (performance.now() - started).toFixed(1);
    const message = timedOut
      ? `Timeout of ${request.timeout_milliseconds} ms reached. Total time: ${elapsed} ms`
      : `${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`;
    return { status_code: null, content_type: null, headers: null, content: null, timed_out: timedOut, error_msg: message };
  }
}

export class NetWorker {
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private lastTtl = 0;
  private stopped = false;

  constructor(private readonly pool: pg.Pool, private readonly dbUrl: string, private readonly log: (line: string) => void) {}

  async start(): Promise<void> {
    this.listener = new pg.Client({ connectionString: this.dbUrl, application_name: 'pg_net worker' });
    this.listener.on('error', (err) => this.log(`cron: pg_net listener lost: ${err.message}`));
    await this.listener.connect();
    this.listener.on('notification', () => this.wake());
    await this.listener.query('listen atrium_net');
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Drains the queue now (coalesces wake-ups that arrive while draining). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((err) => this.log(`cron: pg_net worker: ${(err as Error).message}`))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          void this.wake();
        }
      });
    return this.draining;
  }

  /** Takes requests off the queue first, as pg_net does: each is sent at most once. */
  private async take(): Promise<QueuedRequest[]> {
    try {
      const { rows } = await this.pool.query<QueuedRequest>(
        `delete from net.http_request_queue where id in (
           select id from net.http_request_queue order by id limit ${BATCH} for update skip locked)
         returning id, method, url, headers, body, timeout_milliseconds`,
      );
      return rows;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return []; // pg_net not created (yet)
      throw err;
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.take();
      if (rows.length === 0) break;
      await Promise.all(rows.map((r) => this.complete(r)));
    }
    if (Date.now() - this.lastTtl > 60_000) {
      this.lastTtl = Date.now();
      await this.pool.query(TTL_SQL).catch((err) => {
        if (err.code !== '42P01') throw err;
      });
    }
  }

  private async complete(request: QueuedRequest): Promise<void> {
    const r = await send(request);
    await this.pool.query(
      `insert into net._http_response (id, status_code, content_type, headers, content, timed_out, error_msg)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [request.id, r.status_code, r.content_type, r.headers, r.content, r.timed_out, r.error_msg],
    );
    if (r.error_msg) this.log(`cron: pg_net request ${request.id} ${request.method} ${request.url}: ${r.error_msg}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    // end() never settles on a connection the server already dropped.
    await Promise.race([this.listener?.end().catch(() => {}), new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}
