// Private channel authorization, as upstream Realtime does it (lib/realtime/tenants/authorization.ex):
// in a transaction that is always rolled back, rows for the topic are written to realtime.messages
// as the stack, then read back (read) or written (write) as the user's role with `realtime.topic`
// and the JWT settings, so the project's RLS policies on realtime.messages decide.
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { ChannelAuth } from './tokens.ts';

export type Extension = 'broadcast' | 'presence';

export interface ReadPermissions {
  broadcast: boolean;
  presence: boolean;
}

async function asUser(client: pg.PoolClient, auth: ChannelAuth, topic: string): Promise<void> {
  const sub = typeof auth.claims.sub === 'string' ? auth.claims.sub : '';
  await client.query(
    `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
            set_config('request.jwt.claims', $3, true), set_config('request.jwt.claim.sub', $4, true),
            set_config('request.jwt.claim.role', $1, true), set_config('request.headers', '{}', true)`,
    [auth.role, topic, JSON.stringify(auth.claims), sub],
  );
}

async function rolledBack<T>(db: Database, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

/** Which extensions the user may read on `topic` (name without `realtime:`). Errors mean no access. */
export async function readPermissions(db: Database, auth: ChannelAuth, topic: string, presence: boolean): Promise<ReadPermissions> {
  const extensions: Extension[] = presence ? ['broadcast', 'presence'] : ['broadcast'];
  try {
    return await rolledBack(db, async (client) => {
      const { rows: inserted } = await client.query<{ id: string }>(
        `insert into realtime.messages (topic, extension, private) select $1, e, true from unnest($2::text[]) e returning id`,
        [topic, extensions],
      );
      await asUser(client, auth, topic);
      const { rows } = await client.query<{ extension: Extension }>(
        `select extension from realtime.messages where id = any($1::uuid[])`,
        [inserted.map((r) => r.id)],
      );
      const seen = new Set(rows.map((r) => r.extension));
      return { broadcast: seen.has('broadcast'), presence: seen.has('presence') };
    });
  } catch {
    return { broadcast: false, presence: false };
  }
}

/** Whether the user may send `extension` messages on `topic`: an INSERT as the user that RLS accepts. */
export async function canWrite(db: Database, auth: ChannelAuth, topic: string, extension: Extension): Promise<boolean> {
  try {
    return await rolledBack(db, async (client) => {
      await asUser(client, auth, topic);
      await client.query(`insert into realtime.messages (topic, extension, private) values ($1, $2, true)`, [topic, extension]);
      return true;
    });
  } catch {
    return false;
  }
}
