// PKCE for email flows (GoTrue internal/api/pkce.go, internal/models/flow_state.go): the client's
// code_challenge is kept in auth.flow_state; verifying the email link issues an auth code that
// `POST /token?grant_type=pkce` exchanges with the code_verifier.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AuthError, badRequest, notFound, unprocessable, validation } from './errors.ts';
import { sha256Base64Url } from './tokens.ts';
import type { Row } from './userjson.ts';

const FLOW_STATE_TTL_SECONDS = 300;

export interface PkceParams {
  challenge: string;
  method: 's256' | 'plain';
}

/** Reads `code_challenge`/`code_challenge_method`; null means the implicit flow. */
export function pkceParams(body: Record<string, unknown>): PkceParams | null {
  const challenge = typeof body.code_challenge === 'string' ? body.code_challenge : '';
  const method = typeof body.code_challenge_method === 'string' ? body.code_challenge_method.toLowerCase() : '';
  if (!challenge && !method) return null;
  if (!challenge || !method) throw validation('PKCE flow requires code_challenge_method and code_challenge');
  if (challenge.length < 43 || challenge.length > 128) throw validation('code challenge has to be between 43 and 128 characters');
  if (method !== 's256' && method !== 'plain') throw validation(`code challenge method not supported: ${method}`);
  return { challenge, method };
}

export async function createFlowState(q: pg.ClientBase, userId: string, pkce: PkceParams, authMethod: string): Promise<void> {
  await q.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       created_at, updated_at, authentication_method)
     values (gen_random_uuid(), $1, $2, $3::auth.code_challenge_method, $4, 'email', now(), now(), $5)`,
    [userId, randomUUID(), pkce.method, pkce.challenge, authMethod],
  );
}

/** After a verified PKCE email link: stamps the newest matching flow state and returns its code. */
export async function issueAuthCode(q: pg.ClientBase, userId: string, authMethod: string): Promise<string> {
  const { rows } = await q.query(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
      where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2
                  order by created_at desc limit 1)
      returning auth_code`,
    [userId, authMethod],
  );
  if (!rows[0]) throw badRequest('flow_state_not_found', 'No associated flow state found. flow state not found');
  return rows[0].auth_code as string;
}

export function verifierMatches(flow: { code_challenge: string; code_challenge_method: string }, verifier: string): boolean {
  if (flow.code_challenge_method === 'plain') return flow.code_challenge === verifier;
  return sha256Base64Url(verifier) === flow.code_challenge;
}

/** Checks and consumes a flow state; returns the user id and authentication method. */
export async function consumeFlowState(q: pg.ClientBase, authCode: string, verifier: string): Promise<Row> {
  if (!authCode || !verifier) throw validation('invalid request: both auth code and code verifier should be non-empty');
  if (verifier.length < 43 || verifier.length > 128) throw validation('code verifier has to be between 43 and 128 characters');
  const { rows } = await q.query(
    `select *, coalesce(auth_code_issued_at, created_at) + make_interval(secs => $2) < now() as expired
       from auth.flow_state where auth_code = $1 for update`,
    [authCode, FLOW_STATE_TTL_SECONDS],
  );
  const flow = rows[0];
  if (!flow) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (flow.expired) throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
  if (!verifierMatches(flow, verifier)) throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  if (!flow.user_id) throw new AuthError(404, 'user_not_found', 'User not found');
  await q.query('delete from auth.flow_state where id = $1', [flow.id]);
  return flow;
}
