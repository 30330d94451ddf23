// Admin user API (GoTrue internal/api/admin.go): list, get, create, update, delete, factors.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { requireAdmin, type AuthApp } from '../app.ts';
import { AuthError, notFound, unprocessable, validation } from '../errors.ts';
import { boolField, obj, sendJson, str, type AuthRequest } from '../http.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { parseDuration } from '../settings.ts';
import { createUser, findUserByEmail, loadUser, normaliseEmail, syncEmailIdentity, userToJson } from '../users.ts';
import { factorJson, type Row } from '../userjson.ts';
import { mergeMetadata } from './user.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function targetUser(q: pg.ClientBase | pg.Pool, id: string): Promise<Row> {
  if (!UUID_RE.test(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await loadUser(q, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

/** `ban_duration`: "none" lifts a ban, otherwise a Go duration from now. */
function banUntil(value: string | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  let ms: number;
  try {
    ms = parseDuration(value, NaN);
  } catch {
    throw validation('invalid format for ban duration: time: invalid duration');
  }
  if (!Number.isFinite(ms)) throw validation('invalid format for ban duration: time: invalid duration');
  return new Date(Date.now() + ms);
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw validation(`Bad Pagination Parameters: ${value}`);
  return n;
}

export async function listUsers(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const page = positiveInt(r.query.get('page'), 1);
  const perPage = Math.min(positiveInt(r.query.get('per_page'), 50), 1000);
  const filter = r.query.get('filter');
  const where = filter ? `where (email like '%' || $1 || '%' or raw_user_meta_data->>'full_name' ilike '%' || $1 || '%')` : 'where $1::text is null';
  const q = app.db.pool;
  const total = Number((await q.query(`select count(*) as n from auth.users ${where}`, [filter])).rows[0].n);
  const { rows } = await q.query(`select * from auth.users ${where} order by created_at desc, id limit $2 offset $3`, [filter, perPage, (page - 1) * perPage]);
  const users = await Promise.all(rows.map((u) => userToJson(q, u)));
  sendJson(r.res, 200, { users, aud: 'authenticated' }, { Link: paginationLink(r.query, page, perPage, total), 'X-Total-Count': String(total) });
}

/** GoTrue's Link header: `next` (when there is one) and `last`, query keys sorted so `page` is first. */
export function paginationLink(query: URLSearchParams, page: number, perPage: number, total: number): string {
  const link = (p: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(p));
    params.set('per_page', String(perPage));
    params.sort();
    return `</admin/users?${params.toString()}>`;
  };
  const last = Math.max(1, Math.ceil(total / perPage));
  const next = total > page * perPage ? `${link(page + 1)}; rel="next", ` : '';
  return `${next}${link(last)}; rel="last"`;
}

export async function getAdminUser(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  sendJson(r.res, 200, await userToJson(app.db.pool, await targetUser(app.db.pool, r.params.id!)));
}

export async function createAdminUser(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const rawEmail = str(r.body, 'email');
  if (str(r.body, 'phone') && !rawEmail) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  if (!rawEmail) throw validation('Cannot create a user without either an email or phone');
  const email = normaliseEmail(rawEmail);
  const password = str(r.body, 'password');
  const passwordHash = str(r.body, 'password_hash');
  if (password && passwordHash) throw validation('Only a password or a password hash should be provided');
  const id = str(r.body, 'id');
  if (id !== undefined && !UUID_RE.test(id)) throw validation('id must be a UUID');
  const role = str(r.body, 'role');
  const bannedUntil = banUntil(str(r.body, 'ban_duration'));
  const user = await app.db.transaction(async (q) => {
    if (await findUserByEmail(q, email)) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    return createUser(q, {
      id: id ?? randomUUID(),
      email,
      // Without a password GoTrue stores a random one, so the user can only use email links.
      passwordHash: passwordHash ?? (await hashPassword(password || randomBytes(32).toString('hex'))),
      userMetadata: obj(r.body, 'user_metadata') ?? {},
      appMetadata: { provider: 'email', providers: ['email'], ...(obj(r.body, 'app_metadata') ?? {}) },
      confirmed: boolField(r.body, 'email_confirm') ?? false,
      role: role || 'authenticated',
      bannedUntil: bannedUntil ?? null,
    }).then((u) => userToJson(q, u));
  });
  app.log(`auth: admin created user ${email}`);
  sendJson(r.res, 200, user);
}

async function applyAdminUpdate(app: AuthApp, q: pg.ClientBase, user: Row, body: Record<string, unknown>): Promise<void> {
  const set = async (column: string, value: unknown) => {
    // Column names are the fixed literals passed below, never request data.
    await q.query(`update auth.users set ${column} = $2, updated_at = now() where id = $1`, [user.id, value]);
  };
  const email = str(body, 'email');
  if (email !== undefined && normaliseEmail(email) !== user.email) {
    const other = await findUserByEmail(q, normaliseEmail(email));
    if (other && other.id !== user.id) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    await set('email', normaliseEmail(email));
  }
  const password = str(body, 'password');
  if (password !== undefined) {
    assertStrongPassword(app.settings, password);
    await set('encrypted_password', await hashPassword(password));
  }
  const confirm = boolField(body, 'email_confirm');
  if (confirm && !user.email_confirmed_at) await set('email_confirmed_at', new Date());
  const userMeta = obj(body, 'user_metadata');
  if (userMeta) await set('raw_user_meta_data', mergeMetadata(user.raw_user_meta_data, userMeta));
  const appMeta = obj(body, 'app_metadata');
  if (appMeta) await set('raw_app_meta_data', mergeMetadata(user.raw_app_meta_data, appMeta));
  const role = str(body, 'role');
  if (role) await set('role', role);
  const ban = banUntil(str(body, 'ban_duration'));
  // A ban does not end sessions: their tokens are refused while it lasts (user_banned).
  if (ban !== undefined) await set('banned_until', ban);
  await syncEmailIdentity(q, (await loadUser(q, user.id))!);
}

export async function updateAdminUser(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const json = await app.db.transaction(async (q) => {
    const user = await targetUser(q, r.params.id!);
    await applyAdminUpdate(app, q, user, r.body);
    return userToJson(q, (await loadUser(q, user.id))!);
  });
  sendJson(r.res, 200, json);
}

export async function deleteAdminUser(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const soft = boolField(r.body, 'should_soft_delete') ?? false;
  await app.db.transaction(async (q) => {
    const user = await targetUser(q, r.params.id!);
    if (!soft) {
      await q.query('delete from auth.users where id = $1', [user.id]);
      return;
    }
    // Soft delete keeps the row but frees the address and ends every way back in, as GoTrue does.
    await q.query('delete from auth.sessions where user_id = $1', [user.id]);
    await q.query('delete from auth.identities where user_id = $1', [user.id]);
    await q.query('delete from auth.mfa_factors where user_id = $1', [user.id]);
    await q.query(
      `update auth.users set deleted_at = now(), updated_at = now(), email = null, phone = null, encrypted_password = '',
         confirmation_token = '', recovery_token = '', email_change_token_new = '', email_change_token_current = '',
         email_change = '', reauthentication_token = '', raw_user_meta_data = '{}' where id = $1`,
      [user.id],
    );
  });
  app.log(`auth: admin ${soft ? 'soft-' : ''}deleted user ${r.params.id}`);
  sendJson(r.res, 200, {});
}

export async function listAdminFactors(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const user = await targetUser(app.db.pool, r.params.id!);
  const { rows } = await app.db.pool.query('select * from auth.mfa_factors where user_id = $1 order by created_at', [user.id]);
  sendJson(r.res, 200, rows.map(factorJson));
}

export async function deleteAdminFactor(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const factorId = r.params.factorId!;
  const factor = await app.db.transaction(async (q) => {
    const user = await targetUser(q, r.params.id!);
    if (!UUID_RE.test(factorId)) throw notFound('validation_failed', 'factor_id must be an UUID');
    const { rows } = await q.query('delete from auth.mfa_factors where id = $1 and user_id = $2 returning *', [factorId, user.id]);
    if (!rows[0]) throw new AuthError(404, 'mfa_factor_not_found', 'Factor not found');
    // Sessions that reached aal2 with this factor drop back to aal1.
    await q.query(`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now() where factor_id = $1`, [factorId]);
    return rows[0] as Row;
  });
  sendJson(r.res, 200, factorJson(factor));
}
