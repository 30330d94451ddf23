// The mailbox's storage: one row per captured email in _atrium.mailbox_messages.
import type pg from 'pg';
import type { Database } from '../db/database.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  from?: string;
}

export interface StoredMessage extends Required<MailMessage> {
  id: string;
  created_at: string;
}

export const DEFAULT_FROM = 'Supabase Auth <noreply@mail.app.supabase.io>';

type Queryable = Database | pg.ClientBase | pg.Pool;

function runner(db: Queryable): pg.ClientBase | pg.Pool {
  return 'asCaller' in db ? db.pool : db;
}

const COLUMNS = `id, "to", "from", subject, text, html, to_char(created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at`;

/** Stores one email; the only way any part of the stack "sends" mail. */
export async function sendMail(db: Queryable, message: MailMessage): Promise<StoredMessage> {
  const { rows } = await runner(db).query(
    `insert into _atrium.mailbox_messages ("to", "from", subject, text, html) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [message.to.trim(), message.from?.trim() || DEFAULT_FROM, message.subject, message.text, message.html],
  );
  return rows[0] as StoredMessage;
}

export async function listMessages(db: Queryable, to: string | null, limit = 200): Promise<StoredMessage[]> {
  const { rows } = await runner(db).query(
    `select ${COLUMNS} from _atrium.mailbox_messages where ($1::text is null or lower("to") = lower($1))
     order by created_at desc, id limit $2`,
    [to, limit],
  );
  return rows as StoredMessage[];
}

export async function getMessage(db: Queryable, id: string): Promise<StoredMessage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await runner(db).query(`select ${COLUMNS} from _atrium.mailbox_messages where id = $1`, [id]);
  return (rows[0] as StoredMessage | undefined) ?? null;
}

export async function clearMessages(db: Queryable, to: string | null): Promise<number> {
  const { rowCount } = await runner(db).query(
    `delete from _atrium.mailbox_messages where ($1::text is null or lower("to") = lower($1))`,
    [to],
  );
  return rowCount ?? 0;
}
