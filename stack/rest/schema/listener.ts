// LISTEN pgrst on a dedicated connection: `NOTIFY pgrst, 'reload schema'` (or an empty payload, or
// 'reload config') reloads the schema cache. Reconnects with a back-off when the connection drops.
import pg from 'pg';

export interface Listener {
  close(): Promise<void>;
}

export function listenForReloads(url: string, onReload: () => void, log: (line: string) => void): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 5000);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', (err) => {
      log(`rest: schema listener lost its connection (${err.message}); reconnecting`);
      void c.end().catch(() => {});
      if (client === c) client = null;
      schedule();
    });
    c.on('notification', (msg) => {
      if (msg.channel === 'pgrst' && ['', 'reload schema', 'reload config'].includes(msg.payload ?? '')) onReload();
    });
    try {
      await c.connect();
      await c.query('LISTEN pgrst');
      if (closed) return void (await c.end());
      client = c;
      // Anything may have changed while we were not listening.
      if (delay > 250) onReload();
      delay = 250;
    } catch (err) {
      log(`rest: schema listener cannot connect (${(err as Error).message}); retrying`);
      void c.end().catch(() => {});
      schedule();
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
