// auth.users, auth.identities and auth.mfa_factors as GoTrue reads and writes them.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AuthError } from './errors.ts';
import { userJson, type Row } from './userjson.ts';

export type Q = pg.ClientBase | pg.Pool;

export async function loadUser(q: Q, id: string): Promise<Row | null> {
  const { rows } = await q.query('select * from auth.users where id = $1', [id]);
  return rows[0] ?? null;
}

export async function findUserByEmail(q: Q, email: string): Promise<Row | null> {
  const { rows } = await q.query(
    `select * from auth.users where lower(email) = lower($1) and is_sso_user = false order by created_at limit 1`,
    [email],
  );
  return rows[0] ?? null;
}

export async function userToJson(q: Q, user: Row): Promise<Row> {
  const [identities, factors] = await Promise.all([
    q.query('select * from auth.identities where user_id = $1 order by created_at', [user.id]),
    q.query('select * from auth.mfa_factors where user_id = $1 order by created_at', [user.id]),
  ]);
  return userJson(user, identities.rows, factors.rows);
}

export interface NewUser {
  id?: string;
  email: string | null;
  passwordHash: string | null;
  userMetadata: Row;
  appMetadata?: Row;
  confirmed: boolean;
  anonymous?: boolean;
  invited?: boolean;
  role?: string;
  bannedUntil?: Date | null;
}

/** The one-time error upstream gives when a trigger on auth.users (or the insert itself) fails. */
function savingFailed(err: unknown): never {
  if (err instanceof AuthError) throw err;
  const pgErr = err as { code?: string };
  if (pgErr.code === '23505') throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
  throw new AuthError(500, 'unexpected_failure', 'Database error saving new user', {}, err);
}

/**
 * Inserts the user with role '' and then sets the role, as GoTrue's sign-up does, so that insert
 * and update triggers on auth.users fire as on Supabase (and as supabase_auth_admin); then the
 * email identity.
 * Runs inside the caller's transaction (a savepoint keeps a failing trigger from poisoning it).
 */
export async function createUser(q: pg.ClientBase, input: NewUser): Promise<Row> {
  const id = input.id ?? randomUUID();
  const appMetadata = input.appMetadata ?? (input.anonymous ? {} : { provider: 'email', providers: ['email'] });
  await q.query('savepoint create_user');
  try {
    // GoTrue writes as supabase_auth_admin, so triggers on auth.users run with that role's rights.
    await q.query('set local role supabase_auth_admin');
    await q.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
         raw_app_meta_data, raw_user_meta_data, is_anonymous, banned_until, created_at, updated_at,
         confirmation_token, recovery_token, email_change_token_new, email_change_token_current, email_change,
         phone_change, phone_change_token, reauthentication_token, is_super_admin, is_sso_user)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', '', $2, $3,
         case when $4 then now() end, case when $5 then now() end, $6, $7, $8, $9, now(), now(),
         '', '', '', '', '', '', '', '', false, false)`,
      [id, input.email, input.passwordHash ?? '', input.confirmed, Boolean(input.invited), appMetadata, input.userMetadata, Boolean(input.anonymous), input.bannedUntil ?? null],
    );
    await q.query('update auth.users set role = $2, updated_at = now() where id = $1', [id, input.role ?? 'authenticated']);
    if (input.email) await createEmailIdentity(q, id, input.email, input.confirmed, input.userMetadata);
    await q.query('reset role');
    await q.query('release savepoint create_user');
  } catch (err) {
    await q.query('rollback to savepoint create_user');
    savingFailed(err);
  }
  return (await loadUser(q, id))!;
}

/** The email identity; sign-up data fills identity_data keys the claims do not set, as in GoTrue. */
export async function createEmailIdentity(q: pg.ClientBase, userId: string, email: string, verified: boolean, extra: Row = {}): Promise<void> {
  const data = { ...extra, sub: userId, email, email_verified: verified, phone_verified: false };
  await q.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values (gen_random_uuid(), $1, $3, $2, 'email', now(), now(), now())
     on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [userId, data, userId],
  );
}

/** Keeps the email identity's data in step with the user's address and confirmation. */
export async function syncEmailIdentity(q: pg.ClientBase, user: Row): Promise<void> {
  if (!user.email) return;
  const { rowCount } = await q.query(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
       updated_at = now() where user_id = $1 and provider = 'email'`,
    [user.id, user.email, Boolean(user.email_confirmed_at)],
  );
  if (!rowCount) await createEmailIdentity(q, user.id, user.email, Boolean(user.email_confirmed_at));
}

export async function markSignedIn(q: Q, userId: string): Promise<void> {
  await q.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [userId]);
  await q.query(`update auth.identities set last_sign_in_at = now() where user_id = $1`, [userId]);
}

export function isBanned(user: Row): boolean {
  return Boolean(user.banned_until) && new Date(user.banned_until).getTime() > Date.now();
}

const EMAIL_RE = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue lower-cases and checks addresses before use (validateEmail). */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  if (!trimmed) throw new AuthError(400, 'validation_failed', 'An email address is required');
  if (trimmed.length > 255 || !EMAIL_RE.test(trimmed)) throw new AuthError(400, 'email_address_invalid', 'Unable to validate email address: invalid format');
  return trimmed.toLowerCase();
}
