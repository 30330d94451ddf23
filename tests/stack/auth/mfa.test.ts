// TOTP MFA: enroll, challenge, verify (aal2 and the amr), the aal2 claim seen by an RLS policy,
// listFactors and unenroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { SupabaseClient } from '@supabase/supabase-js';
import { withDb } from '../../helpers/env.ts';
import { adminClient, authFetch, client, decodeJwt, PASSWORD, signedIn } from './helpers.ts';

function codeFor(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

async function enrollAndVerify(c: SupabaseClient): Promise<{ factorId: string; secret: string }> {
  const { data, error } = await c.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone' });
  if (error) throw error;
  const verified = await c.auth.mfa.challengeAndVerify({ factorId: data.id, code: codeFor(data.totp.secret) });
  if (verified.error) throw verified.error;
  return { factorId: data.id, secret: data.totp.secret };
}

/** What an RLS policy sees for a token: runs a query as `authenticated` with its claims. */
async function visibleSecrets(accessToken: string): Promise<number> {
  return withDb(async (db) => {
    await db.query('begin');
    try {
      await db.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [JSON.stringify(decodeJwt(accessToken))]);
      return (await db.query('select count(*)::int as n from auth_fixture.mfa_secrets')).rows[0].n as number;
    } finally {
      await db.query('rollback');
    }
  });
}

describe('TOTP MFA', () => {
  beforeAll(async () => {
    await withDb((db) =>
      db.query(`create schema if not exists auth_fixture;
        grant usage on schema auth_fixture to authenticated;
        create table if not exists auth_fixture.mfa_secrets (id int primary key, note text);
        insert into auth_fixture.mfa_secrets values (1, 'only at aal2') on conflict do nothing;
        alter table auth_fixture.mfa_secrets enable row level security;
        grant select on auth_fixture.mfa_secrets to authenticated;
        drop policy if exists "aal2 only" on auth_fixture.mfa_secrets;
        create policy "aal2 only" on auth_fixture.mfa_secrets for select to authenticated using ((select auth.jwt() ->> 'aal') = 'aal2');`),
    );
  });
  afterAll(async () => {
    await withDb((db) => db.query('drop table if exists auth_fixture.mfa_secrets'));
  });

  it('enrolls with an otpauth URI and an SVG QR code', async () => {
    const { client: c, email } = await signedIn('mfa-enroll');
    const { data, error } = await c.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'laptop', issuer: 'atrium.test' });
    expect(error).toBeNull();
    expect(data!.type).toBe('totp');
    expect(data!.friendly_name).toBe('laptop');
    expect(data!.totp.qr_code.startsWith('data:image/svg+xml;utf-8,<svg')).toBe(true);
    // Browsers end a data URI at '#': GoTrue's SVG names its colours, and so must ours.
    expect(data!.totp.qr_code).not.toContain('#');
    expect(data!.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(data!.totp.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/atrium.test:${email}`);
    expect(uri.searchParams.get('secret')).toBe(data!.totp.secret);
    const factors = (await c.auth.mfa.listFactors()).data!;
    expect(factors.all).toHaveLength(1);
    expect(factors.all[0]!.status).toBe('unverified');
    expect(factors.totp).toHaveLength(0);
  });

  it('raises the session to aal2 with totp first in amr, and RLS sees aal2', async () => {
    const { client: c } = await signedIn('mfa-verify');
    const aal1Token = (await c.auth.getSession()).data.session!.access_token;
    expect(await visibleSecrets(aal1Token)).toBe(0);
    const events: string[] = [];
    c.auth.onAuthStateChange((event) => events.push(event));

    const { factorId } = await enrollAndVerify(c);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('MFA_CHALLENGE_VERIFIED');
    const session = (await c.auth.getSession()).data.session!;
    const claims = decodeJwt(session.access_token);
    expect(claims.aal).toBe('aal2');
    expect(claims.amr.map((a: { method: string }) => a.method)).toEqual(['totp', 'password']);
    expect(claims.session_id).toBe(decodeJwt(aal1Token).session_id);
    expect(await visibleSecrets(session.access_token)).toBe(1);

    const aal = (await c.auth.mfa.getAuthenticatorAssuranceLevel()).data!;
    expect(aal.currentLevel).toBe('aal2');
    expect(aal.nextLevel).toBe('aal2');
    const factors = (await c.auth.mfa.listFactors()).data!;
    expect(factors.totp.map((f) => f.id)).toEqual([factorId]);

    // A refresh keeps aal2.
    const refreshed = await c.auth.refreshSession();
    expect(decodeJwt(refreshed.data.session!.access_token).aal).toBe('aal2');
  });

  it('asks a new aal1 session for aal2 and rejects a wrong code', async () => {
    const first = await signedIn('mfa-next');
    const { factorId } = await enrollAndVerify(first.client);
    const c = client();
    await c.auth.signInWithPassword({ email: first.email, password: PASSWORD });
    const aal = (await c.auth.mfa.getAuthenticatorAssuranceLevel()).data!;
    expect(aal).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
    const challenge = await c.auth.mfa.challenge({ factorId });
    expect(challenge.data!.expires_at).toBeGreaterThan(Date.now() / 1000);
    const wrong = await c.auth.mfa.verify({ factorId, challengeId: challenge.data!.id, code: '000000' });
    expect(wrong.error).toMatchObject({ status: 422, code: 'mfa_verification_failed', message: 'Invalid TOTP code entered' });
    const token = (await c.auth.getSession()).data.session!.access_token;
    const pw = await authFetch('/user', { method: 'PUT', token, body: { password: 'needs-aal2-1' } });
    expect(pw.status).toBe(401);
    expect((await pw.json()).code).toBe('insufficient_aal');
  });

  it('unenrolls a verified factor at aal2 and hides the factors of other users', async () => {
    const first = await signedIn('mfa-unenroll');
    const { factorId } = await enrollAndVerify(first.client);
    expect((await first.client.auth.mfa.unenroll({ factorId })).error).toBeNull();
    expect((await first.client.auth.mfa.listFactors()).data!.all).toHaveLength(0);
    const other = await signedIn('mfa-other');
    const foreign = await other.client.auth.mfa.challenge({ factorId });
    expect(foreign.error).toMatchObject({ status: 404, code: 'mfa_factor_not_found' });
  });

  it('lists and deletes the factors of a user through the admin API', async () => {
    const { client: c, id } = await signedIn('mfa-admin');
    const { factorId } = await enrollAndVerify(c);
    const admin = adminClient().auth.admin.mfa;
    const listed = await admin.listFactors({ userId: id });
    expect(listed.error).toBeNull();
    expect(listed.data!.factors.map((f) => [f.id, f.status])).toEqual([[factorId, 'verified']]);
    expect((await admin.deleteFactor({ userId: id, id: factorId })).error).toBeNull();
    expect((await admin.listFactors({ userId: id })).data!.factors).toEqual([]);
    const session = (await c.auth.refreshSession()).data.session!;
    expect(decodeJwt(session.access_token).aal).toBe('aal1');
  });
});
